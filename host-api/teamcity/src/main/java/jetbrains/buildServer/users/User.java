package jetbrains.buildServer.users;

public interface User {

    String getUsername();

    String getName();

    String getDescriptiveName();
}
