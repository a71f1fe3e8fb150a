package jetbrains.buildServer;

public interface BuildType {
}
