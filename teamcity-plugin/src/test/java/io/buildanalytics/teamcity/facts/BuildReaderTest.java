package io.buildanalytics.teamcity.facts;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildanalytics.model.derive.DeploymentRules;
import io.buildanalytics.model.derive.History;
import io.buildanalytics.model.event.BuildEvent;
import io.buildanalytics.model.event.BuildEventFactory;
import io.buildanalytics.model.event.Sender;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.facts.DeploymentDeclaration;
import io.buildanalytics.model.facts.PipelineResult;
import io.buildanalytics.model.facts.RefType;
import io.buildanalytics.model.facts.TestCounts;
import io.buildanalytics.model.facts.TriggerType;
import io.buildanalytics.model.schema.IndexNaming;
import io.buildanalytics.shipper.settings.ParameterFilter;
import io.buildanalytics.teamcity.HandMadeTeamCity;
import io.buildanalytics.teamcity.HandMadeTeamCity.TestBuild;
import io.buildanalytics.teamcity.HandMadeTeamCity.TestBuildType;
import io.buildanalytics.teamcity.HandMadeTeamCity.TestProject;
import io.buildanalytics.teamcity.HandMadeTeamCity.TestUser;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import jetbrains.buildServer.messages.Status;
import jetbrains.buildServer.serverSide.userChanges.CanceledInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hand-made TeamCity builds read into facts: every status, trigger, branch form and missing piece. */
class BuildReaderTest {

    private static final Instant START = Instant.parse("2026-03-10T09:00:00Z");
    private static final Instant CALLBACK = START.plusSeconds(125);

    private final TestProject shop = new TestProject("Shop", "Shop :: Backend");
    private final TestBuildType build = new TestBuildType(shop, "Shop_Backend_Build", "Build");

    private static BuildFacts read(TestBuild build) {
        return TestReaders.standard().read(build, CALLBACK).orElseThrow();
    }

    @ParameterizedTest
    @CsvSource({"NORMAL, SUCCESS", "WARNING, SUCCESS", "FAILURE, FAILURE", "ERROR, ERROR", "UNKNOWN, CANCELLATION"})
    void everyStatusMapsToOneResult(String statusName, PipelineResult expected) throws Exception {
        Status status = (Status) Status.class.getField(statusName).get(null);
        BuildFacts facts = read(build.build(status, START, 120).finish());

        assertThat(facts.result().raw()).isEqualTo(statusName);
        assertThat(facts.pipelineResult()).isEqualTo(expected);
    }

    @Test
    void aCancelledBuildIsACancellationWhateverItsStatusAndATimeoutIsATimeout() {
        BuildFacts cancelled = read(build.build(Status.FAILURE, START, 60).canceled(new CanceledInfo(7L, "stop")));
        BuildFacts timedOut = read(build.build(Status.FAILURE, START, 60).problem(BuildReader.EXECUTION_TIMEOUT));
        BuildFacts failedTests = read(build.build(Status.FAILURE, START, 60).problem("TC_FAILED_TESTS"));

        assertThat(cancelled.pipelineResult()).isEqualTo(PipelineResult.CANCELLATION);
        assertThat(timedOut.pipelineResult()).isEqualTo(PipelineResult.TIMEOUT);
        assertThat(failedTests.pipelineResult()).isEqualTo(PipelineResult.FAILURE);
    }

    @Test
    void insideTheCallbackTheFinishTimeIsTheCallbacksAndAfterwardsTeamCitysOwn() {
        TestBuild running = build.build(Status.NORMAL, START, 120).status(Status.NORMAL, "Tests passed: 12");

        assertThat(running.getFinishDate()).isNull();
        assertThat(read(running).finishedAt()).isEqualTo(CALLBACK);
        assertThat(read(running.finish()).finishedAt()).isEqualTo(START.plusSeconds(120));
        assertThat(read(running).statusText()).isEqualTo("Tests passed: 12");
    }

    @Test
    void identityNamesLinksTimesAgentAndLabels() {
        TestBuild b = build.build(Status.NORMAL, START, 120).queued(START.minusSeconds(30)).finish();
        BuildFacts facts = read(b);

        assertThat(facts.server().provider().name()).isEqualTo("TEAMCITY");
        assertThat(facts.pipeline().id()).isEqualTo("Shop_Backend_Build");
        assertThat(facts.pipeline().name()).isEqualTo("Shop :: Backend :: Build");
        assertThat(facts.pipeline().project()).isEqualTo("Shop :: Backend");
        assertThat(facts.pipeline().url())
                .isEqualTo("https://teamcity.example.com/viewType.html?buildTypeId=Shop_Backend_Build");
        assertThat(facts.run().id()).isEqualTo(String.valueOf(b.getBuildId()));
        assertThat(facts.run().number()).isEqualTo(b.getBuildNumber());
        assertThat(facts.run().url()).isEqualTo("https://teamcity.example.com/viewLog.html?buildId=" + b.getBuildId());
        assertThat(facts.queuedAt()).isEqualTo(START.minusSeconds(30));
        assertThat(facts.startedAt()).isEqualTo(START);
        assertThat(facts.worker().name()).isEqualTo("agent-1");
        assertThat(facts.labels()).containsEntry("team", "payments");
        assertThat(facts.personal()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "##userId='1'                       | userId=1                        | USER",
        "##type='vcsTrigger'&vcsName='git'  | type=vcsTrigger,vcsName=jetbrains.git | SCM",
        "##type='schedulingTrigger'         | type=schedulingTrigger          | TIMER",
        "##type='buildDependencyTrigger'    | type=buildDependencyTrigger,buildTypeId=bt1 | UPSTREAM",
        "##buildId='17'                     | buildId=17                      | UPSTREAM",
        "##userId='1'&origin='rest'         | userId=1,origin=rest            | API",
        "##reAddedAfterStop='true'          | reAddedAfterStop=true           | RETRY",
        "##type='retryBuildTrigger'         | type=retryBuildTrigger          | RETRY",
        "##IDEPlugin='IntelliJ'&userId='1'  | IDEPlugin=IntelliJ,userId=1     | USER",
        "Server                             | ''                              | OTHER"})
    void triggersAreClassifiedFromTeamCitysTriggerParameters(String raw, String parameters, TriggerType expected) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (String pair : parameters.split(",")) {
            if (pair.contains("=")) {
                map.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        TestBuild b = build.build(Status.NORMAL, START, 60).triggeredBy(HandMadeTeamCity.trigger(raw, map,
                map.containsKey("userId"), "text", map.containsKey("userId") ? new TestUser("alice") : null));

        assertThat(read(b).trigger().type()).isEqualTo(expected);
    }

    @Test
    void userNamesLeaveOnlyWhenTheAdminAllowsIt() {
        TestBuild b = build.build(Status.NORMAL, START, 60).finish();

        assertThat(read(b).trigger().userName()).isNull();
        assertThat(read(b).trigger().description()).isNull();
        BuildFacts allowed = TestReaders.with(ParameterFilter.none(), true).read(b, CALLBACK).orElseThrow();
        assertThat(allowed.trigger().userName()).isEqualTo("alice");
        assertThat(allowed.trigger().description()).isEqualTo("Alice Smith");
    }

    @Test
    void theDefaultBranchTakesTheRootsBranchAndFeatureBranchesAndTagsKeepTheirNames() {
        BuildFacts main = read(build.build(Status.NORMAL, START, 60)
                .revision("https://github.com/acme/shop.git", "refs/heads/main", "a1b2c3")
                .branch("<default>", "<default>", true));
        BuildFacts feature = read(build.build(Status.NORMAL, START, 60)
                .revision("https://github.com/acme/shop.git", "refs/heads/main", "d4e5f6")
                .branch("refs/heads/feature/x", "feature/x", false));
        BuildFacts tag = read(build.build(Status.NORMAL, START, 60)
                .revision("https://github.com/acme/shop.git", "refs/heads/main", "d4e5f6")
                .branch("refs/tags/v1.2.0", "v1.2.0", false));
        BuildFacts noBranchSupport = read(build.build(Status.NORMAL, START, 60)
                .revision("https://github.com/acme/shop.git", "refs/heads/release", "0f0f0f"));

        assertThat(main.vcs().refName()).isEqualTo("main");
        assertThat(main.vcs().defaultBranch()).isTrue();
        assertThat(main.vcs().revision()).isEqualTo("a1b2c3");
        assertThat(main.vcs().repositoryUrl()).isEqualTo("https://github.com/acme/shop.git");
        assertThat(feature.vcs().refName()).isEqualTo("feature/x");
        assertThat(feature.vcs().defaultBranch()).isFalse();
        assertThat(tag.vcs().refName()).isEqualTo("v1.2.0");
        assertThat(tag.vcs().refType()).isEqualTo(RefType.TAG);
        assertThat(noBranchSupport.vcs().refName()).isEqualTo("release");
        assertThat(noBranchSupport.vcs().defaultBranch()).isNull();
    }

    @Test
    void pullRequestBuildsCarryTheNumberTargetAndTitle() {
        BuildFacts pr = read(build.build(Status.NORMAL, START, 60)
                .revision("https://github.com/acme/shop.git", "refs/heads/main", "abc")
                .branch("refs/pull/42/head", "pull/42", false)
                .parameter("teamcity.pullRequest.number", "42")
                .parameter("teamcity.pullRequest.target.branch", "refs/heads/main")
                .parameter("teamcity.pullRequest.title", "Faster checkout"));

        assertThat(pr.pullRequest()).isTrue();
        assertThat(pr.vcs().changeId()).isEqualTo("42");
        assertThat(pr.vcs().baseRefName()).isEqualTo("main");
        assertThat(pr.vcs().changeTitle()).isEqualTo("Faster checkout");
    }

    @Test
    void changesKeepTheirCommitDatesAndTestsTheirCounts() {
        BuildFacts facts = read(build.build(Status.FAILURE, START, 60)
                .change("c2", START.minusSeconds(600)).change("c1", START.minusSeconds(3600))
                .tests(40, 2, 3));

        assertThat(facts.commits()).extracting(c -> c.id()).containsExactly("c2", "c1");
        assertThat(facts.commits().get(1).timestamp()).isEqualTo(START.minusSeconds(3600));
        assertThat(facts.tests()).isEqualTo(TestCounts.of(40, 2, 3));
    }

    @Test
    void onlyAllowedParametersLeaveAndSecretOnesNever() {
        BuildFacts facts = read(build.build(Status.NORMAL, START, 60)
                .parameter("TARGET", "eu").parameter("OTHER", "x")
                .parameter("env.REGION", "eu-west-1").parameter("env.DB_PASSWORD", "hunter2")
                .parameter("env.DEPLOY_KEY", "credentialsJSON:0a1b2c").parameter("env.NOTE", "zxx8f3a9b")
                .parameter("db.password", "hunter3"));

        assertThat(facts.parameters()).containsOnlyKeys("TARGET", "env.REGION");
    }

    @Test
    void aDeploymentParameterDeclaresTheDeployment() {
        BuildFacts facts = read(build.build(Status.NORMAL, START, 60)
                .parameter("DEPLOY_ENVIRONMENT", "staging").parameter("DEPLOY_SERVICE", "checkout"));

        assertThat(facts.deployment().source()).isEqualTo(DeploymentDeclaration.Source.PARAMETER);
        assertThat(facts.deployment().environment()).isEqualTo("staging");
        assertThat(facts.deployment().service()).isEqualTo("checkout");
    }

    @Test
    void aDeploymentConfigurationDeploysWhereItsNameOrTheAdminsPatternsSay() {
        TestBuildType toProd = new TestBuildType(shop, "Shop_DeployProd", "Deploy to prod").deployment(true);
        TestBuildType staging = new TestBuildType(shop, "Shop_Staging", "Staging").deployment(true);
        TestBuildType olderServer = new TestBuildType(shop, "Shop_Old", "Deploy prod").deployment(null);

        DeploymentDeclaration byPattern = read(toProd.build(Status.NORMAL, START, 60)).deployment();
        DeploymentDeclaration byName = read(staging.build(Status.NORMAL, START, 60)).deployment();

        assertThat(byPattern.rule()).isEqualTo("teamcity-deployment-type");
        assertThat(byPattern.environment()).isEqualTo("production");
        assertThat(byName.environment()).isEqualTo("Staging");
        assertThat(read(olderServer.build(Status.NORMAL, START, 60)).deployment()).isNull();
        assertThat(read(build.build(Status.NORMAL, START, 60)).deployment()).isNull();
    }

    @Test
    void personalAndCompositeBuildsAreFlaggedAndAnOlderServerIsNotComposite() {
        assertThat(read(build.build(Status.NORMAL, START, 60).personal(true)).personal()).isTrue();
        assertThat(read(build.build(Status.NORMAL, START, 60).composite(true)).composite()).isTrue();
        assertThat(read(build.build(Status.NORMAL, START, 60).composite(null)).composite()).isFalse();
    }

    @Test
    void missingDataLeavesFieldsOutAndABuildThatNeverStartedIsNotRead() {
        TestBuild bare = build.build(Status.NORMAL, START, 60).agent("").triggeredBy(null);
        BuildFacts facts = read(bare);

        assertThat(facts.vcs() == null || facts.vcs().revision() == null).isTrue();
        assertThat(facts.worker()).isNull();
        assertThat(facts.tests()).isNull();
        assertThat(facts.trigger().type()).isEqualTo(TriggerType.OTHER);
        assertThat(TestReaders.standard().read(build.build(Status.UNKNOWN, null, 0), CALLBACK)).isEmpty();
        assertThat(new BuildReader(new ReaderSettings(TestReaders.SERVER, null, ParameterFilter.none(), null,
                DeploymentRules.explicitOnly(), Map.of(), false)).read(bare, CALLBACK).orElseThrow().run().url())
                .isNull();
    }

    @Test
    void hugeNamesAndFiftyThousandChangesStillMakeABoundedValidEvent() {
        TestBuildType huge = new TestBuildType(new TestProject("P", "p".repeat(10_000)), "X".repeat(10_000),
                "c".repeat(10_000));
        TestBuild b = huge.build(Status.NORMAL, START, 60);
        for (int i = 0; i < 50_000; i++) {
            b.change(String.format("%040x", i), START.minusSeconds(60L * i));
        }

        BuildFacts facts = read(b);
        BuildEvent event = new BuildEventFactory(new Sender("teamcity-plugin", "test"), DeploymentRules.explicitOnly(),
                IndexNaming.defaults(), Clock.systemUTC()).create(facts, History.none());

        assertThat(facts.commits()).hasSize(50_000);
        assertThat(event.json().getBytes(StandardCharsets.UTF_8).length).isLessThan(100 * 1024);
        assertThat(event.index()).isEqualTo("cicd-events-2026.03");
    }
}
