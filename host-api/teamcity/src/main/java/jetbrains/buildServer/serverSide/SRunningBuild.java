package jetbrains.buildServer.serverSide;

import jetbrains.buildServer.RunningBuild;

public interface SRunningBuild extends SBuild, RunningBuild {
}
