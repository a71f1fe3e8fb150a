package io.buildanalytics.model;

import io.buildanalytics.model.derive.InMemoryHistory;
import io.buildanalytics.model.event.BuildEvent;
import io.buildanalytics.model.event.BuildEventFactory;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.facts.CiProvider;
import io.buildanalytics.model.facts.CiServer;
import io.buildanalytics.model.facts.Commit;
import io.buildanalytics.model.facts.DeploymentDeclaration;
import io.buildanalytics.model.facts.Pipeline;
import io.buildanalytics.model.facts.PipelineRun;
import io.buildanalytics.model.facts.Trigger;
import io.buildanalytics.model.facts.TriggerType;
import io.buildanalytics.model.facts.Vcs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Hand-made runs shaped like what each adapter will produce. */
public final class Fixtures {

    public static final CiServer JENKINS = new CiServer(CiProvider.JENKINS, "Jenkins", "2.479.3",
            "5f2c3c0e9b1d4e8f", "jenkins-main", "https://jenkins.example.com/");
    public static final CiServer TEAMCITY = new CiServer(CiProvider.TEAMCITY, "TeamCity", "2024.03.3",
            "https://teamcity.example.com", "teamcity-main", "https://teamcity.example.com");

    /** A Monday, so weekly buckets start on it. */
    public static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private Fixtures() {
    }

    /** A Jenkins run of a job given by its full name ("shop/deploy-prod"), 5 minutes long, ending at {@code end}. */
    public static BuildFacts.Builder jenkins(String fullName, int number, String result, Instant end) {
        int slash = fullName.lastIndexOf('/');
        String folder = slash < 0 ? null : fullName.substring(0, slash);
        String jobUrl = "https://jenkins.example.com/job/" + fullName.replace("/", "/job/") + "/";
        return BuildFacts.builder()
                .server(JENKINS)
                .pipeline(new Pipeline(fullName, fullName.replace("/", " » "), folder, jobUrl))
                .run(new PipelineRun(fullName + "#" + number, String.valueOf(number), jobUrl + number + "/"))
                .result(result)
                .queuedAt(end.minus(Duration.ofMinutes(6)))
                .startedAt(end.minus(Duration.ofMinutes(5)))
                .finishedAt(end)
                .trigger(new Trigger(TriggerType.SCM, null, "Started by an SCM change"));
    }

    /** A TeamCity build of a build configuration given by its external id. */
    public static BuildFacts.Builder teamcity(String externalId, long buildId, String status, Instant end) {
        return BuildFacts.builder()
                .server(TEAMCITY)
                .pipeline(new Pipeline(externalId, "Shop :: " + externalId, "Shop",
                        "https://teamcity.example.com/buildConfiguration/" + externalId))
                .run(new PipelineRun(String.valueOf(buildId), "1." + buildId,
                        "https://teamcity.example.com/build/" + buildId))
                .result(status)
                .queuedAt(end.minus(Duration.ofMinutes(12)))
                .startedAt(end.minus(Duration.ofMinutes(10)))
                .finishedAt(end)
                .trigger(new Trigger(TriggerType.USER, "alice", "Alice Smith"));
    }

    public static Vcs git(String revision) {
        return Vcs.of("git@github.com:example/shop.git", revision, "main");
    }

    /** {@code count} commits with ids {@code prefix-1…}, one hour apart, the newest one hour before {@code end}. */
    public static List<Commit> commits(String prefix, int count, Instant end) {
        List<Commit> commits = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            commits.add(new Commit(prefix + "-" + i, end.minus(Duration.ofHours(i))));
        }
        return commits;
    }

    public static DeploymentDeclaration declared(String environment, String service, String version) {
        return new DeploymentDeclaration(DeploymentDeclaration.Source.EXPLICIT, "jenkins-step", environment, service,
                version);
    }

    /** Records the runs in order into one history and builds each one's event as the plugins would. */
    public static List<BuildEvent> events(BuildEventFactory factory, List<BuildFacts> runs) {
        InMemoryHistory history = new InMemoryHistory();
        List<BuildEvent> events = new ArrayList<>();
        for (BuildFacts run : runs) {
            history.record(run);
            events.add(factory.create(run, history.before(run)));
        }
        return events;
    }
}
