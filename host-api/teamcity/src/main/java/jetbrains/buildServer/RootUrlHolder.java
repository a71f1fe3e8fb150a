package jetbrains.buildServer;

public interface RootUrlHolder {

    String getRootUrl();
}
