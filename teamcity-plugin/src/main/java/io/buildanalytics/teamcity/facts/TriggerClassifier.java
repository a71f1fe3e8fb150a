package io.buildanalytics.teamcity.facts;

import io.buildanalytics.model.facts.Trigger;
import io.buildanalytics.model.facts.TriggerType;
import java.util.Map;
import jetbrains.buildServer.serverSide.TriggeredBy;
import jetbrains.buildServer.users.SUser;

/**
 * Classifies why a build started from its {@link TriggeredBy} parameters. TeamCity records the trigger as
 * {@code ##key='value'&...}; the keys read here are the ones TeamCity's own REST API reads to name a trigger
 * ({@code type}, {@code origin}, {@code userId}, {@code vcsName}, {@code buildTypeId}, {@code buildId},
 * {@code reAddedAfterStop}, {@code unexpectedFinish}).
 */
final class TriggerClassifier {

    private TriggerClassifier() {
    }

    static Trigger classify(TriggeredBy triggeredBy, boolean sendUserNames) {
        if (triggeredBy == null) {
            return Trigger.of(TriggerType.OTHER);
        }
        Map<String, String> parameters = triggeredBy.getParameters();
        Map<String, String> p = parameters == null ? Map.of() : parameters;
        TriggerType type = type(p);
        SUser user = type == TriggerType.USER || type == TriggerType.API || type == TriggerType.RETRY
                ? triggeredBy.getUser() : null;
        String userName = sendUserNames && user != null ? user.getUsername() : null;
        // The text names the user for manual builds ("Alice Smith"); other texts name triggers and builds.
        boolean namesAPerson = triggeredBy.isTriggeredByUser() || p.containsKey("userId");
        String description = sendUserNames || !namesAPerson ? triggeredBy.getAsString() : null;
        return new Trigger(type, userName, description);
    }

    private static TriggerType type(Map<String, String> p) {
        String type = p.getOrDefault("type", "");
        if ("rest".equals(p.get("origin"))) {
            return TriggerType.API;
        }
        if (p.containsKey("reAddedAfterStop") || p.containsKey("unexpectedFinish") || type.startsWith("retry")) {
            return TriggerType.RETRY;
        }
        if (type.equals("schedulingTrigger")) {
            return TriggerType.TIMER;
        }
        if (type.equals("vcsTrigger") || p.containsKey("vcsName")) {
            return TriggerType.SCM;
        }
        if (type.equals("buildDependencyTrigger") || type.equals("finishBuildTrigger")
                || p.containsKey("buildTypeId") || p.containsKey("buildId")) {
            return TriggerType.UPSTREAM;
        }
        if (p.containsKey("userId") || p.containsKey("IDEPlugin")) {
            return TriggerType.USER;
        }
        return TriggerType.OTHER;
    }
}
