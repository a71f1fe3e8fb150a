package jetbrains.buildServer.vcs;

public interface SVcsModification extends VcsModification {
}
