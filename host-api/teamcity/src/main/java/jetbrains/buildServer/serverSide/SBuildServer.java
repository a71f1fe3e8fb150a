package jetbrains.buildServer.serverSide;

import jetbrains.buildServer.RootUrlHolder;

public interface SBuildServer extends RootUrlHolder, BuildsManager {

    void addListener(BuildServerListener listener);

    void removeListener(BuildServerListener listener);

    ProjectManager getProjectManager();

    String getFullServerVersion();
}
