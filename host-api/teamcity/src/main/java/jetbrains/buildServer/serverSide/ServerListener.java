package jetbrains.buildServer.serverSide;

import java.util.EventListener;

public interface ServerListener extends EventListener {

    void serverShutdown();
}
