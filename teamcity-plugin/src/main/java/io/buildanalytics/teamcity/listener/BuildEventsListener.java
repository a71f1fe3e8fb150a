package io.buildanalytics.teamcity.listener;

import io.buildanalytics.teamcity.runtime.TeamCityRuntime;
import java.util.List;
import jetbrains.buildServer.BuildProblemData;
import jetbrains.buildServer.serverSide.BuildServerAdapter;
import jetbrains.buildServer.serverSide.SBuild;
import jetbrains.buildServer.serverSide.SBuildServer;
import jetbrains.buildServer.serverSide.SRunningBuild;
import org.springframework.beans.factory.DisposableBean;

/**
 * TeamCity's build events, handed to the runtime. It extends TeamCity's adapter rather than implementing the
 * listener interface, so listener methods TeamCity adds later keep their empty default. Registered when the plugin
 * loads (also when installed without a restart, when {@code serverStartup} is not called) and removed when it
 * unloads.
 */
public final class BuildEventsListener extends BuildServerAdapter implements DisposableBean {

    private final SBuildServer server;
    private final TeamCityRuntime runtime;

    public BuildEventsListener(SBuildServer server, TeamCityRuntime runtime) {
        this.server = server;
        this.runtime = runtime;
        server.addListener(this);
    }

    @Override
    public void buildFinished(SRunningBuild build) {
        runtime.onFinished(build, false);
    }

    /** Cancelled and stopped builds arrive here, some also through {@link #buildFinished}; the runtime reads each once. */
    @Override
    public void buildInterrupted(SRunningBuild build) {
        runtime.onFinished(build, false);
    }

    /** "Mark as successful/failed" on a finished build changes its result: the event is sent again, same id. */
    @Override
    public void buildProblemsChanged(SBuild build, List<BuildProblemData> before, List<BuildProblemData> after) {
        if (build != null && build.isFinished()) {
            runtime.onFinished(build, true);
        }
    }

    @Override
    public void destroy() {
        server.removeListener(this);
    }
}
