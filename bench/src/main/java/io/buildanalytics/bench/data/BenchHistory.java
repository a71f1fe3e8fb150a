package io.buildanalytics.bench.data;

import io.buildanalytics.cli.demo.DemoHistory;
import io.buildanalytics.model.derive.DeploymentClassifier;
import io.buildanalytics.model.derive.InMemoryHistory;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.facts.DeploymentDeclaration;
import io.buildanalytics.model.facts.Pipeline;
import io.buildanalytics.shipper.HistoryLookup;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Build histories of any size with the demo's realism (streaks, flaky re-runs, failed and rolled-back deployments,
 * commits with timestamps): an organisation of teams, each running the demo's 25 pipelines and 7 services under its
 * own prefix ({@code t007-shop/build}, service {@code t007-shop}), each team's runs from its own seed. Every run
 * is a distinct event, and the derivations see only the team's own earlier runs, as they would on a real server.
 * Fixed days and seeds: every run of the suite measures the same builds.
 */
public final class BenchHistory {

    /** The demo's 90 days, ending on a fixed day so that two runs of the suite index the same events. */
    public static final int DAYS = 90;
    public static final LocalDate LAST_DAY = LocalDate.of(2026, 3, 31);
    private static final long FIRST_SEED = 20_260_331L;
    private static final int PREFIX_LENGTH = "t000-".length();

    private final List<BuildFacts> runs;
    private final HistoryLookup lookup;
    private final int teamCount;

    private BenchHistory(List<BuildFacts> runs, HistoryLookup lookup, int teamCount) {
        this.runs = runs;
        this.lookup = lookup;
        this.teamCount = teamCount;
    }

    /**
     * The first {@code builds} runs of the organisation, held in memory. The lookup answers each run from its own
     * team's history, as each team's CI server would, which also keeps it fast for a hundred thousand runs.
     */
    public static BenchHistory first(int builds) {
        Map<String, HistoryLookup> byTeam = new HashMap<>();
        List<BuildFacts> runs = new ArrayList<>(builds);
        int teamCount = 0;
        for (Iterator<Team> teams = teams(); runs.size() < builds; teamCount++) {
            Team team = teams.next();
            byTeam.put(team.prefix(), team.lookup());
            runs.addAll(team.runs().subList(0, Math.min(team.runs().size(), builds - runs.size())));
        }
        HistoryLookup lookup = run -> byTeam.get(run.pipeline().id().substring(0, PREFIX_LENGTH)).historyFor(run);
        return new BenchHistory(List.copyOf(runs), lookup, teamCount);
    }

    /** Team after team, generated on demand, so a million builds never sit in memory at once. */
    public static Iterator<Team> teams() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < 1000;
            }

            @Override
            public Team next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("The organisation has 1000 teams");
                }
                return Team.generate(next++);
            }
        };
    }

    /** The first instant of the first day every team's history covers. */
    public static Instant from() {
        return LAST_DAY.minusDays(DAYS - 1L).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }

    /** The last millisecond of the last day. */
    public static Instant to() {
        return LAST_DAY.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().minusMillis(1);
    }

    /** Oldest first within each team, team after team. */
    public List<BuildFacts> runs() {
        return runs;
    }

    public HistoryLookup lookup() {
        return lookup;
    }

    /** How many teams' histories the runs come from (the last one possibly in part). */
    public int teamCount() {
        return teamCount;
    }

    /** One team's runs, oldest first, and its history as a plugin on its server would answer. */
    public record Team(int number, List<BuildFacts> runs, HistoryLookup lookup) {

        public static Team generate(int number) {
            String prefix = prefix(number);
            DemoHistory demo = DemoHistory.generate(DAYS, LAST_DAY, FIRST_SEED + number);
            InMemoryHistory history = new InMemoryHistory(new DeploymentClassifier(DemoHistory.RULES));
            List<BuildFacts> runs = new ArrayList<>(demo.runs().size());
            for (BuildFacts run : demo.runs()) {
                BuildFacts renamed = renamed(run, prefix);
                runs.add(renamed);
                history.record(renamed);
            }
            return new Team(number, List.copyOf(runs), history::before);
        }

        /** What every pipeline id and service name of the team starts with: {@code t007-}. */
        public String prefix() {
            return prefix(number);
        }

        private static String prefix(int number) {
            return String.format(java.util.Locale.ROOT, "t%03d-", number);
        }

        /** The Jenkins rule {@code <service>/deploy-<env>} still matches, now naming the team's service. */
        private static BuildFacts renamed(BuildFacts run, String prefix) {
            Pipeline pipeline = run.pipeline();
            DeploymentDeclaration declared = run.deployment();
            return run.toBuilder()
                    .pipeline(new Pipeline(prefix + pipeline.id(), prefix + pipeline.name(),
                            pipeline.project() == null ? null : prefix + pipeline.project(), pipeline.url()))
                    .deployment(declared == null ? null : new DeploymentDeclaration(declared.source(), declared.rule(),
                            declared.environment(), declared.service() == null ? null : prefix + declared.service(),
                            declared.version()))
                    .build();
        }
    }
}
