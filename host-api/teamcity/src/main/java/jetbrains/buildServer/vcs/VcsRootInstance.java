package jetbrains.buildServer.vcs;

public interface VcsRootInstance extends VcsRoot {
}
