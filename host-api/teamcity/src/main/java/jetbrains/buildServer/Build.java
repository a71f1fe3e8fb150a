package jetbrains.buildServer;

import java.util.Date;
import jetbrains.buildServer.messages.Status;
import jetbrains.buildServer.serverSide.userChanges.CanceledInfo;

public interface Build {

    Date getStartDate();

    String getAgentName();

    long getBuildId();

    StatusDescriptor getStatusDescriptor();

    BuildType getBuildType();

    String getBuildTypeExternalId();

    String getBuildTypeName();

    String getFullName();

    String getProjectExternalId();

    boolean isPersonal();

    Status getBuildStatus();

    boolean isFinished();

    String getBuildNumber();

    Date getFinishDate();

    CanceledInfo getCanceledInfo();
}
