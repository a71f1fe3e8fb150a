package jetbrains.buildServer.serverSide;

import java.util.Date;
import java.util.List;
import jetbrains.buildServer.Build;
import jetbrains.buildServer.BuildProblemData;
import jetbrains.buildServer.vcs.SVcsModification;

public interface SBuild extends Build, ParametersSupport {

    ShortStatistics getShortStatistics();

    TriggeredBy getTriggeredBy();

    @Override
    SBuildType getBuildType();

    List<SVcsModification> getContainingChanges();

    List<BuildRevision> getRevisions();

    Date getQueuedDate();

    List<BuildProblemData> getFailureReasons();

    Branch getBranch();

    boolean isCompositeBuild();
}
