package io.buildanalytics.teamcity.backfill;

import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.shipper.backfill.BackfillSource;
import io.buildanalytics.teamcity.facts.BuildReader;
import io.buildanalytics.teamcity.history.HistoryEntries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jetbrains.buildServer.serverSide.ProjectManager;
import jetbrains.buildServer.serverSide.SBuildType;

/**
 * TeamCity's build history for the shared backfill: every build configuration by its full name ("Project ::
 * Subproject :: Configuration", so a pattern can pick a project), and each configuration's finished builds,
 * newest first, until the first one that started before the cut-off.
 */
public final class BuildTypesBackfillSource implements BackfillSource {


    private final ProjectManager projects;
    private final BuildReader reader;
    private Map<String, SBuildType> byFullName;

    public BuildTypesBackfillSource(ProjectManager projects, BuildReader reader) {
        this.projects = projects;
        this.reader = reader;
    }

    @Override
    public Iterable<String> pipelines() {
        return new ArrayList<>(types().keySet());
    }

    /** Configurations by full name, read once per backfill (the backfill asks for each one's runs in turn). */
    private synchronized Map<String, SBuildType> types() {
        if (byFullName == null) {
            byFullName = new LinkedHashMap<>();
            for (SBuildType type : projects.getAllBuildTypes()) {
                byFullName.putIfAbsent(type.getFullName(), type);
            }
        }
        return byFullName;
    }

    @Override
    public String pipelineNoun() {
        return "build configurations";
    }

    @Override
    public Iterator<BuildFacts> runs(String pipeline, Instant since) {
        SBuildType type = types().get(pipeline);
        if (type == null) {
            return List.<BuildFacts>of().iterator();   // deleted since the backfill started
        }
        // Newest first: the first build started before the cut-off ends it, every later entry is older still.
        return new HistoryEntries(type.getHistory(), reader, build -> {
            Date start = build.getStartDate();
            return start != null && since != null && start.toInstant().isBefore(since) ? HistoryEntries.Verdict.STOP
                    : HistoryEntries.Verdict.READ;
        }, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }
}
