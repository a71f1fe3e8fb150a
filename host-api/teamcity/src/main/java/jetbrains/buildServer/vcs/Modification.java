package jetbrains.buildServer.vcs;

import java.util.Date;

public interface Modification {

    String getUserName();

    String getDescription();

    Date getVcsDate();
}
