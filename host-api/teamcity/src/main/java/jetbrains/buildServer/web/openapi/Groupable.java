package jetbrains.buildServer.web.openapi;

public interface Groupable {

    // Not compile-time constants on purpose: plugin code reads the running server's values (getstatic) instead of
    // inlining the 8.1 texts "Integrations" and "Server Administration".
    String INTEGRATIONS_GROUP = String.valueOf("Integrations");
    String SERVER_RELATED_GROUP = String.valueOf("Server Administration");

    String getGroup();
}
