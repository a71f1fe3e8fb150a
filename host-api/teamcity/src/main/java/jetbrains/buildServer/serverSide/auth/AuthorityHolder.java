package jetbrains.buildServer.serverSide.auth;

public interface AuthorityHolder {

    boolean isPermissionGrantedGlobally(Permission permission);
}
