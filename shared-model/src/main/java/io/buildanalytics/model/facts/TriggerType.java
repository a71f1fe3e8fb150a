package io.buildanalytics.model.facts;

import java.util.Locale;

/** Why a run started, in words both hosts share. Adapters classify their own causes into these. */
public enum TriggerType {
    /** A person started it (Jenkins user cause, TeamCity "Run" button). */
    USER,
    /** A change in version control: polling, push hook, branch or pull-request event, branch indexing. */
    SCM,
    /** A schedule (Jenkins timer, TeamCity schedule trigger). */
    TIMER,
    /** Another pipeline finished (Jenkins upstream, TeamCity snapshot or artifact dependency). */
    UPSTREAM,
    /** A remote API call (Jenkins remote trigger, TeamCity REST). */
    API,
    /** A person re-ran an earlier run with changes (Jenkins Pipeline replay). */
    REPLAY,
    /** A retry of an earlier run decided by the server (TeamCity retry trigger, partial re-runs). */
    RETRY,
    OTHER;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
