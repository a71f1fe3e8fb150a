package jetbrains.buildServer.serverSide;

public interface Branch {

    String DEFAULT_BRANCH_NAME = "<default>";

    String getName();

    String getDisplayName();

    boolean isDefaultBranch();
}
