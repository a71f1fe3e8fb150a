package jetbrains.buildServer.serverSide;

import java.util.List;

public interface ProjectManager {

    SBuildType findBuildTypeByExternalId(String externalId);

    List<SBuildType> getAllBuildTypes();
}
