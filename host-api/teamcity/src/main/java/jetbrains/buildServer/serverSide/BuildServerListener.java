package jetbrains.buildServer.serverSide;

import java.util.EventListener;
import java.util.List;
import jetbrains.buildServer.BuildProblemData;

public interface BuildServerListener extends ServerListener, EventListener {

    void buildFinished(SRunningBuild build);

    void buildInterrupted(SRunningBuild build);

    void buildProblemsChanged(SBuild build, List<BuildProblemData> before, List<BuildProblemData> after);
}
