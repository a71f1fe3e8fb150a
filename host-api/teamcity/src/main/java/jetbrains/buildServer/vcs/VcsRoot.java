package jetbrains.buildServer.vcs;

public interface VcsRoot {

    String getVcsName();

    String getProperty(String propertyName);
}
