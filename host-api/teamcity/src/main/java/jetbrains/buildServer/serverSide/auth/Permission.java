package jetbrains.buildServer.serverSide.auth;

public enum Permission {
    CHANGE_SERVER_SETTINGS
}
