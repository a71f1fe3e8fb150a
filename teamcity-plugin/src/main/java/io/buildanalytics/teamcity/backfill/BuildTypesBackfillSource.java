package io.buildanalytics.teamcity.backfill;

import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.shipper.backfill.BackfillSource;
import io.buildanalytics.teamcity.facts.BuildReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import jetbrains.buildServer.serverSide.ProjectManager;
import jetbrains.buildServer.serverSide.SBuildType;
import jetbrains.buildServer.serverSide.SFinishedBuild;

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
        List<SFinishedBuild> history = type.getHistory();
        return new Since(history == null ? List.<SFinishedBuild>of().iterator() : history.iterator(), since);
    }


    private final class Since implements Iterator<BuildFacts> {
        private final Iterator<SFinishedBuild> entries;
        private final Instant since;
        private boolean reachedCutOff;
        private BuildFacts next;

        Since(Iterator<SFinishedBuild> entries, Instant since) {
            this.entries = entries;
            this.since = since;
        }

        @Override
        public boolean hasNext() {
            while (next == null && !reachedCutOff && entries.hasNext()) {
                next = read(entries.next()).orElse(null);
            }
            return next != null;
        }

        private Optional<BuildFacts> read(SFinishedBuild build) {
            try {
                Date start = build.getStartDate();
                if (start != null && since != null && start.toInstant().isBefore(since)) {
                    reachedCutOff = true;      // newest first: every later entry is older still
                    return Optional.empty();
                }
                return reader.read(build, null);
            } catch (RuntimeException e) {
                return Optional.empty();       // an unreadable record is passed over
            }
        }

        @Override
        public BuildFacts next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            BuildFacts result = next;
            next = null;
            return result;
        }
    }
}
