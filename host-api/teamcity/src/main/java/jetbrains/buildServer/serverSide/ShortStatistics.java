package jetbrains.buildServer.serverSide;

public interface ShortStatistics {

    int getPassedTestCount();

    int getIgnoredTestCount();

    int getFailedTestCount();

    int getAllTestCount();
}
