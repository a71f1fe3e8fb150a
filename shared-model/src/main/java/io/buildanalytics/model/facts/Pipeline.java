package io.buildanalytics.model.facts;

/**
 * The pipeline (Jenkins job, TeamCity build configuration) a run belongs to.
 *
 * @param id      stable id: Jenkins full job name, TeamCity build configuration external id
 * @param name    human-readable name or path
 * @param project folder or project path, if any
 * @param url     the pipeline's page, if known
 */
public record Pipeline(String id, String name, String project, String url) {

    public Pipeline {
        Checks.required(id, "Pipeline", "id", "the job's full name or the build configuration's external id");
        name = Checks.optional(name) == null ? id : name;
        project = Checks.optional(project);
        url = Checks.optional(url);
    }
}
