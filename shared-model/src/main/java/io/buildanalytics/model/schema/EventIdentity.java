package io.buildanalytics.model.schema;

import io.buildanalytics.model.facts.BuildFacts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The deterministic event id: the same run always gets the same {@code _id}, so a resend or a backfill
 * overwrites the document instead of adding a second one. Each part is length-prefixed, so no choice of ids can
 * make two different runs collide by shifting text between parts.
 */
public final class EventIdentity {

    /** {@code event.action} of the event sent when a run finishes. */
    public static final String PIPELINE_RUN = "pipeline_run";

    private EventIdentity() {
    }

    /** The id of the {@code pipeline_run} event of a run; also its {@code deployment.id} when it deploys. */
    public static String pipelineRunId(BuildFacts run) {
        return eventId(run.server().id(), run.pipeline().id(), run.run().id(), PIPELINE_RUN);
    }

    public static String eventId(String serverId, String pipelineId, String runId, String action) {
        StringBuilder key = new StringBuilder();
        for (String part : new String[] {serverId, pipelineId, runId, action}) {
            key.append(part.length()).append(':').append(part).append(';');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
