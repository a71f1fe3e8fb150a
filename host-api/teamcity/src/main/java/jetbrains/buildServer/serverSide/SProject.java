package jetbrains.buildServer.serverSide;

import jetbrains.buildServer.BuildProject;

public interface SProject extends BuildProject {
}
