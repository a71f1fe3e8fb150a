package jetbrains.buildServer;

public interface RunningBuild extends Build {
}
