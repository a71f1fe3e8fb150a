package jetbrains.buildServer.serverSide;

public interface BuildsManager {

    SBuild findBuildInstanceById(long buildId);
}
