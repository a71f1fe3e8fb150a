package io.buildanalytics.model.facts;

/**
 * One run of a pipeline.
 *
 * @param id     unique on its server: Jenkins {@code fullName#number}, TeamCity build id
 * @param number the number people see (Jenkins build number, TeamCity build number, which may be any text)
 * @param url    the run's page, if known
 */
public record PipelineRun(String id, String number, String url) {

    public PipelineRun {
        Checks.required(id, "PipelineRun", "id", "unique run id on this server");
        number = Checks.optional(number);
        url = Checks.optional(url);
    }
}
