package jetbrains.buildServer.serverSide;

import java.util.List;
import jetbrains.buildServer.BuildProblemData;

public class BuildServerAdapter implements BuildServerListener {

    public BuildServerAdapter() {
    }

    @Override
    public void serverShutdown() {
    }

    @Override
    public void buildFinished(SRunningBuild build) {
    }

    @Override
    public void buildInterrupted(SRunningBuild build) {
    }

    @Override
    public void buildProblemsChanged(SBuild build, List<BuildProblemData> before, List<BuildProblemData> after) {
    }
}
