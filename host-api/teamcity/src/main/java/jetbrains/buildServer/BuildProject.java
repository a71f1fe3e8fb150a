package jetbrains.buildServer;

public interface BuildProject {

    String getExternalId();

    String getName();

    String getFullName();
}
