package jetbrains.buildServer.web.openapi;

public interface PagePlaces {
}
