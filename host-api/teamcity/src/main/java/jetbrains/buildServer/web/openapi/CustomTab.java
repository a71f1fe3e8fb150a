package jetbrains.buildServer.web.openapi;

public interface CustomTab extends PageExtension {
}
