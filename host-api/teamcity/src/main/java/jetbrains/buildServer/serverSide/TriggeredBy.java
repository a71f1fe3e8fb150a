package jetbrains.buildServer.serverSide;

import java.util.Map;
import jetbrains.buildServer.users.SUser;

public interface TriggeredBy {

    String getAsString();

    String getRawTriggeredBy();

    SUser getUser();

    boolean isTriggeredByUser();

    Map<String, String> getParameters();
}
