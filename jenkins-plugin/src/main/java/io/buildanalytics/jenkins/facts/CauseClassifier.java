package io.buildanalytics.jenkins.facts;

import hudson.model.Cause;
import io.buildanalytics.model.facts.Trigger;
import io.buildanalytics.model.facts.TriggerType;
import java.util.List;
import java.util.Map;

/**
 * Classifies a run's causes. A run can have several (a replay also carries the user who replayed it; a build
 * both pushed and scheduled carries both), so the most telling one wins, in the order of {@link #PRIORITY}.
 * Causes from optional plugins are recognised by class name, never by type, so none of those plugins is needed.
 */
final class CauseClassifier {

    /** Cause class name (or a superclass' name) to what it means. */
    private static final Map<String, TriggerType> KNOWN = Map.ofEntries(
            Map.entry("hudson.model.Cause$UserIdCause", TriggerType.USER),
            Map.entry("hudson.model.Cause$UserCause", TriggerType.USER),
            Map.entry("hudson.model.Cause$UpstreamCause", TriggerType.UPSTREAM),
            Map.entry("hudson.model.Cause$RemoteCause", TriggerType.API),
            Map.entry("hudson.triggers.SCMTrigger$SCMTriggerCause", TriggerType.SCM),
            Map.entry("hudson.triggers.TimerTrigger$TimerTriggerCause", TriggerType.TIMER),
            Map.entry("org.jenkinsci.plugins.parameterizedscheduler.ParameterizedTimerTriggerCause", TriggerType.TIMER),
            Map.entry("jenkins.branch.BranchIndexingCause", TriggerType.SCM),
            Map.entry("jenkins.branch.BranchEventCause", TriggerType.SCM),
            Map.entry("com.cloudbees.jenkins.GitHubPushCause", TriggerType.SCM),
            Map.entry("com.dabsquared.gitlabjenkins.cause.GitLabWebHookCause", TriggerType.SCM),
            Map.entry("com.cloudbees.jenkins.plugins.BitBucketPushCause", TriggerType.SCM),
            Map.entry("hudson.plugins.git.GitStatus$CommitHookCause", TriggerType.SCM),
            Map.entry("org.jenkinsci.plugins.workflow.cps.replay.ReplayCause", TriggerType.REPLAY),
            Map.entry("org.jenkinsci.plugins.pipeline.modeldefinition.causes.RestartDeclarativePipelineCause",
                    TriggerType.RETRY),
            Map.entry("com.sonyericsson.rebuild.RebuildCause", TriggerType.RETRY));

    private static final List<TriggerType> PRIORITY = List.of(TriggerType.REPLAY, TriggerType.RETRY,
            TriggerType.USER, TriggerType.SCM, TriggerType.TIMER, TriggerType.UPSTREAM, TriggerType.API);

    private CauseClassifier() {
    }

    static Trigger classify(List<Cause> causes, boolean sendUserNames) {
        TriggerType best = TriggerType.OTHER;
        Cause deciding = null;
        String userId = null;
        for (Cause cause : causes) {
            TriggerType type = typeOf(cause);
            if (cause instanceof Cause.UserIdCause user && userId == null) {
                userId = user.getUserId();
            }
            if (rank(type) < rank(best)) {
                best = type;
                deciding = cause;
            }
        }
        if (deciding == null && !causes.isEmpty()) {
            deciding = causes.get(0);
        }
        String userName = sendUserNames && (best == TriggerType.USER || best == TriggerType.REPLAY
                || best == TriggerType.RETRY) ? userId : null;
        // Descriptions of user, upstream and remote causes name people, jobs or addresses: only when allowed.
        boolean impersonal = best == TriggerType.SCM || best == TriggerType.TIMER;
        return new Trigger(best, userName, sendUserNames || impersonal ? describe(deciding) : null);
    }

    static TriggerType typeOf(Cause cause) {
        for (Class<?> c = cause.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            TriggerType type = KNOWN.get(c.getName());
            if (type != null) {
                return type;
            }
        }
        return TriggerType.OTHER;
    }

    private static int rank(TriggerType type) {
        int index = PRIORITY.indexOf(type);
        return index < 0 ? PRIORITY.size() : index;
    }

    private static String describe(Cause cause) {
        if (cause == null) {
            return null;
        }
        try {
            return cause.getShortDescription();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
