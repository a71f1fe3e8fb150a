package io.buildanalytics.cli.demo;

import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.facts.Commit;
import io.buildanalytics.model.facts.Trigger;
import io.buildanalytics.model.facts.TriggerType;
import io.buildanalytics.model.facts.Vcs;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The pipelines that deploy nothing: Jenkins' nightly integration suite and documentation site, TeamCity's two
 * mobile app builds with developers' personal builds (which the failure rate leaves out).
 */
final class SideSimulation {

    private static final Trigger TIMER = new Trigger(TriggerType.TIMER, null, "Started by timer");
    private static final Trigger SCM = new Trigger(TriggerType.SCM, null, "Started by an SCM change");
    private static final Trigger PERSONAL = new Trigger(TriggerType.USER, "sam", "Personal build by Sam Rivera");

    private final RunFactory factory;
    private final SplittableRandom random;
    private final List<BuildFacts> runs;
    private boolean nightlyRed;
    private boolean androidRed;
    private boolean iosRed;

    SideSimulation(RunFactory factory, SplittableRandom random, List<BuildFacts> runs) {
        this.factory = factory;
        this.random = random;
        this.runs = runs;
    }

    void simulate(LocalDate firstDay, LocalDate lastDay) {
        for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
            Instant midnight = day.atStartOfDay(ZoneOffset.UTC).toInstant();
            boolean workday = day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
            nightlyRed = random.nextDouble() < (nightlyRed ? 0.6 : 0.15);
            runs.add(factory.jenkins("platform/nightly-integration", run(midnight.plus(Duration.ofHours(2)), 45, 30,
                    nightlyRed ? "FAILURE" : "SUCCESS", TIMER, "https://git.demo.example/acme/platform.git",
                    List.of())));
            if (!workday) {
                continue;
            }
            Instant docsPush = midnight.plus(Duration.ofMinutes(10 * 60 + random.nextInt(6 * 60)));
            runs.add(factory.jenkins("docs/site", run(docsPush, 3, 20, random.nextDouble() < 0.05 ? "FAILURE" : "SUCCESS",
                    SCM, "https://git.demo.example/acme/docs.git", List.of(new Commit(factory.revision(), docsPush)))));
            for (int hour : new int[] {10, 16}) {
                Instant push = midnight.plus(Duration.ofMinutes(hour * 60L + random.nextInt(50)));
                androidRed = random.nextDouble() < (androidRed ? 0.5 : 0.15);
                runs.add(mobile("Mobile_Android", "Android app", push, 25, androidRed, SCM, false));
                iosRed = random.nextDouble() < (iosRed ? 0.5 : 0.12);
                runs.add(mobile("Mobile_Ios", "iOS app", push.plusSeconds(30), 32, iosRed, SCM, false));
            }
            Instant personal = midnight.plus(Duration.ofMinutes(13 * 60L + random.nextInt(120)));
            runs.add(mobile("Mobile_Android", "Android app", personal, 25, random.nextDouble() < 0.4, PERSONAL, true));
        }
    }

    private BuildFacts mobile(String id, String name, Instant push, int minutes, boolean failed, Trigger trigger,
                              boolean personal) {
        List<Commit> commits = List.of(new Commit(factory.revision(), push));
        RunFactory.Run run = run(push, minutes, 300, failed ? "FAILURE" : "NORMAL", trigger,
                "https://git.demo.example/acme/mobile.git", commits);
        return factory.teamCity("Mobile", id, name, run, null, personal);
    }

    private RunFactory.Run run(Instant queuedAt, int minutes, int queueSeconds, String result, Trigger trigger,
                               String repository, List<Commit> commits) {
        Instant startedAt = queuedAt.plusSeconds(queueSeconds / 2 + random.nextInt(queueSeconds + 1));
        long seconds = Math.round(minutes * 60 * (0.7 + 0.6 * random.nextDouble()));
        String revision = commits.isEmpty() ? factory.revision() : commits.get(0).id();
        return new RunFactory.Run(result, queuedAt, startedAt, startedAt.plusSeconds(seconds), trigger,
                Vcs.of(repository, revision, "main"), commits, null);
    }
}
