package jetbrains.buildServer.vcs;

public interface VcsModification extends Modification {

    String getVersion();
}
