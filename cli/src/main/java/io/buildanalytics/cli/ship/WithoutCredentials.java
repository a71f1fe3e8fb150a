package io.buildanalytics.cli.ship;

import io.buildanalytics.model.event.Urls;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.facts.CiServer;
import io.buildanalytics.model.facts.Pipeline;
import io.buildanalytics.model.facts.PipelineRun;
import io.buildanalytics.model.facts.Vcs;

/**
 * Removes user info from every URL in the facts before they are spooled. The event writer removes it too, but the
 * spool keeps facts on disk, possibly for days; and CI systems hand out URLs with tokens in them (GitLab's
 * {@code CI_REPOSITORY_URL} is {@code https://gitlab-ci-token:<token>@host/group/project.git}).
 */
final class WithoutCredentials {

    private WithoutCredentials() {
    }

    static BuildFacts of(BuildFacts facts) {
        CiServer server = facts.server();
        Pipeline pipeline = facts.pipeline();
        PipelineRun run = facts.run();
        Vcs vcs = facts.vcs();
        return facts.toBuilder()
                .server(new CiServer(server.provider(), server.product(), server.version(), server.id(), server.name(),
                        url(server.url())))
                .pipeline(new Pipeline(pipeline.id(), pipeline.name(), pipeline.project(), url(pipeline.url())))
                .run(new PipelineRun(run.id(), run.number(), url(run.url())))
                .vcs(vcs == null ? null : new Vcs(url(vcs.repositoryUrl()), vcs.revision(), vcs.refName(),
                        vcs.refType(), vcs.defaultBranch(), vcs.baseRefName(), vcs.baseRevision(), vcs.changeId(),
                        vcs.changeTitle()))
                .build();
    }

    static String url(String url) {
        return Urls.withoutCredentials(url);
    }
}
