package jetbrains.buildServer.serverSide;

import java.util.Date;

public interface SFinishedBuild extends SBuild {

    @Override
    Date getFinishDate();
}
