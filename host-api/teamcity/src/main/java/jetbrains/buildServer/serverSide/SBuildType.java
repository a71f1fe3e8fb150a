package jetbrains.buildServer.serverSide;

import java.util.List;
import jetbrains.buildServer.BuildType;

public interface SBuildType extends BuildType {

    String getExternalId();

    String getName();

    String getFullName();

    SProject getProject();

    List<SFinishedBuild> getHistory();

    boolean isCompositeBuildType();

    boolean isDeployment();
}
