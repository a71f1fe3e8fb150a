package io.buildanalytics.jenkins.facts;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Cause;
import hudson.model.Result;
import hudson.plugins.git.Branch;
import hudson.plugins.git.Revision;
import hudson.plugins.git.util.BuildData;
import hudson.tasks.test.AbstractTestResultAction;
import io.buildanalytics.jenkins.HandMadeJenkins.Commit;
import io.buildanalytics.jenkins.HandMadeJenkins.Folder;
import io.buildanalytics.jenkins.HandMadeJenkins.FreestyleRun;
import io.buildanalytics.jenkins.HandMadeJenkins.Parameter;
import io.buildanalytics.jenkins.HandMadeJenkins.TestJob;
import io.buildanalytics.jenkins.HandMadeJenkins.TestRun;
import io.buildanalytics.jenkins.deployment.DeploymentTarget;
import io.buildanalytics.model.derive.DeploymentRules;
import io.buildanalytics.model.derive.History;
import io.buildanalytics.model.event.BuildEvent;
import io.buildanalytics.model.event.BuildEventFactory;
import io.buildanalytics.model.event.Sender;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.facts.DeploymentDeclaration;
import io.buildanalytics.model.facts.Outcome;
import io.buildanalytics.model.facts.PipelineResult;
import io.buildanalytics.model.facts.RefType;
import io.buildanalytics.model.facts.ResultHint;
import io.buildanalytics.model.facts.TriggerType;
import io.buildanalytics.model.schema.IndexNaming;
import io.buildanalytics.shipper.settings.ParameterFilter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jenkins.branch.BranchJobProperty;
import jenkins.model.CauseOfInterruption;
import jenkins.model.InterruptedBuildAction;
import jenkins.scm.api.SCMHead;
import jenkins.scm.api.SCMRevisionAction;
import jenkins.scm.api.metadata.ObjectMetadataAction;
import jenkins.scm.api.metadata.PrimaryInstanceMetadataAction;
import jenkins.scm.api.mixin.ChangeRequestSCMHead;
import org.jenkinsci.plugins.workflow.steps.TimeoutStepExecution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hand-made runs on the mirrors, read into facts: every result, cause and missing-data case. */
class RunReaderTest {

    private static final Instant START = Instant.parse("2026-03-10T09:00:00Z");

    private final Folder shop = new Folder(Folder.root(), "shop");
    private final TestJob job = new TestJob(shop, "build");

    private BuildFacts read(TestRun run) {
        return TestReaders.standard().read(run, null).orElseThrow();
    }

    @Test
    void readsIdentityTimesAndLinksOfAFinishedRun() {
        job.build(Result.SUCCESS, START.minusSeconds(3600), 1000);
        TestRun run = job.build(Result.SUCCESS, START, 90_000);

        BuildFacts facts = TestReaders.standard().read(run, START.minusSeconds(30)).orElseThrow();

        assertThat(facts.server()).isEqualTo(TestReaders.SERVER);
        assertThat(facts.pipeline().id()).isEqualTo("shop/build");
        assertThat(facts.pipeline().name()).isEqualTo("shop » build");
        assertThat(facts.pipeline().project()).isEqualTo("shop");
        assertThat(facts.pipeline().url()).isEqualTo("https://ci.example.com/job/shop/job/build/");
        assertThat(facts.run().id()).isEqualTo("shop/build#2");
        assertThat(facts.run().number()).isEqualTo("2");
        assertThat(facts.run().url()).isEqualTo("https://ci.example.com/job/shop/job/build/2/");
        assertThat(facts.startedAt()).isEqualTo(START);
        assertThat(facts.finishedAt()).isEqualTo(START.plusSeconds(90));
        assertThat(facts.queuedAt()).isEqualTo(START.minusSeconds(30));
        assertThat(facts.labels()).containsEntry("team", "payments");
    }

    static Stream<Arguments> results() {
        return Stream.of(
                Arguments.of(Result.SUCCESS, PipelineResult.SUCCESS, Outcome.SUCCESS),
                Arguments.of(Result.UNSTABLE, PipelineResult.FAILURE, Outcome.FAILURE),
                Arguments.of(Result.FAILURE, PipelineResult.FAILURE, Outcome.FAILURE),
                Arguments.of(Result.NOT_BUILT, PipelineResult.SKIP, Outcome.UNKNOWN),
                Arguments.of(Result.ABORTED, PipelineResult.CANCELLATION, Outcome.UNKNOWN));
    }

    @ParameterizedTest
    @MethodSource("results")
    void mapsEveryJenkinsResult(Result result, PipelineResult expected, Outcome outcome) {
        BuildFacts facts = read(job.build(result, START, 1000));

        assertThat(facts.result().raw()).isEqualTo(result.toString());
        assertThat(facts.pipelineResult()).isEqualTo(expected);
        assertThat(facts.outcome()).isEqualTo(outcome);
    }

    @Test
    void aTimedOutRunIsAFailureAndAUserAbortACancellation() {
        TestRun timedOut = job.build(Result.ABORTED, START, 1000)
                .actions(new InterruptedBuildAction(List.of(new TimeoutStepExecution.ExceededTimeout())));
        TestRun aborted = job.build(Result.ABORTED, START, 1000)
                .actions(new InterruptedBuildAction(List.of(new CauseOfInterruption.UserInterruption("bob"))));

        BuildFacts timeout = read(timedOut);
        BuildFacts cancel = read(aborted);

        assertThat(timeout.result().hints()).containsExactly(ResultHint.TIMEOUT);
        assertThat(timeout.pipelineResult()).isEqualTo(PipelineResult.TIMEOUT);
        assertThat(timeout.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(timeout.statusText()).isEqualTo("Timeout exceeded");
        assertThat(cancel.result().hints()).containsExactly(ResultHint.CANCELED);
        assertThat(cancel.pipelineResult()).isEqualTo(PipelineResult.CANCELLATION);
        assertThat(cancel.statusText()).doesNotContain("bob");
    }

    static Stream<Arguments> causes() {
        return Stream.of(
                Arguments.of(List.of(new Cause.UserIdCause("alice")), TriggerType.USER),
                Arguments.of(List.of(new hudson.triggers.SCMTrigger.SCMTriggerCause()), TriggerType.SCM),
                Arguments.of(List.of(new com.cloudbees.jenkins.GitHubPushCause()), TriggerType.SCM),
                Arguments.of(List.of(new jenkins.branch.BranchIndexingCause()), TriggerType.SCM),
                Arguments.of(List.of(new hudson.triggers.TimerTrigger.TimerTriggerCause()), TriggerType.TIMER),
                Arguments.of(List.of(new Cause.RemoteCause("10.0.0.1", "nightly")), TriggerType.API),
                Arguments.of(List.of(new Cause.UserIdCause("alice"),
                        new org.jenkinsci.plugins.workflow.cps.replay.ReplayCause()), TriggerType.REPLAY),
                Arguments.of(List.of(new hudson.triggers.TimerTrigger.TimerTriggerCause(),
                        new Cause.UserIdCause("alice")), TriggerType.USER),
                Arguments.of(List.of(), TriggerType.OTHER),
                Arguments.of(List.of(new Cause() {
                    @Override
                    public String getShortDescription() {
                        return "Started by a plugin nobody knows";
                    }
                }), TriggerType.OTHER));
    }

    @ParameterizedTest
    @MethodSource("causes")
    void classifiesCauses(List<Cause> causes, TriggerType expected) {
        BuildFacts facts = read(job.build(Result.SUCCESS, START, 1000).causes(causes.toArray(new Cause[0])));

        assertThat(facts.trigger().type()).isEqualTo(expected);
        assertThat(facts.trigger().userName()).isNull();
    }

    @Test
    void anUpstreamCauseIsClassifiedAndUserNamesOnlyGoOutWhenAllowed() {
        TestJob upstream = new TestJob(shop, "compile");
        TestRun up = upstream.build(Result.SUCCESS, START.minusSeconds(600), 1000);
        TestRun triggered = job.build(Result.SUCCESS, START, 1000).causes(new Cause.UpstreamCause(up));
        TestRun byAlice = job.build(Result.SUCCESS, START, 1000).causes(new Cause.UserIdCause("alice"));

        assertThat(read(triggered).trigger().type()).isEqualTo(TriggerType.UPSTREAM);
        assertThat(read(triggered).trigger().description()).isNull();
        assertThat(read(byAlice).trigger().description()).isNull();
        BuildFacts allowed = TestReaders.with(ParameterFilter.none(), true).read(byAlice, null).orElseThrow();
        assertThat(allowed.trigger().userName()).isEqualTo("alice");
        assertThat(allowed.trigger().description()).isEqualTo("Started by user alice");
    }

    @Test
    void sendsOnlyAllowedParametersAndNeverPasswords() {
        TestRun run = job.build(Result.SUCCESS, START, 1000).parameters(
                Parameter.of("DEPLOY_TARGET", "eu"), Parameter.of("DEBUG", true), Parameter.of("OTHER", "x"),
                Parameter.password("DEPLOY_TOKEN", "s3cret"), Parameter.of("DEPLOY_EMPTY", null));

        BuildFacts facts = TestReaders.with(ParameterFilter.parse("DEPLOY_*, debug"), false).read(run, null)
                .orElseThrow();

        assertThat(facts.parameters()).containsExactly(
                java.util.Map.entry("DEPLOY_TARGET", "eu"), java.util.Map.entry("DEBUG", "true"));
        assertThat(facts.toString()).doesNotContain("s3cret");
    }

    @Test
    void aDeploymentParameterDeclaresADeploymentButAPasswordOneDoesNot() {
        TestRun declared = job.build(Result.SUCCESS, START, 1000).parameters(
                Parameter.of("deploy_environment", "production"), Parameter.of("DEPLOY_SERVICE", "shop"),
                Parameter.of("DEPLOY_VERSION", "1.4.2"));
        TestRun secret = job.build(Result.SUCCESS, START, 1000).parameters(
                Parameter.password("DEPLOY_ENVIRONMENT", "production"));

        DeploymentDeclaration deployment = read(declared).deployment();

        assertThat(deployment.source()).isEqualTo(DeploymentDeclaration.Source.PARAMETER);
        assertThat(deployment.rule()).isEqualTo("parameter:DEPLOY_ENVIRONMENT");
        assertThat(deployment.environment()).isEqualTo("production");
        assertThat(deployment.service()).isEqualTo("shop");
        assertThat(deployment.version()).isEqualTo("1.4.2");
        assertThat(read(declared).parameters()).isEmpty();
        assertThat(read(secret).deployment()).isNull();
    }

    @Test
    void aDeploymentTargetPropertyDeclaresEveryRunAndARunsParameterNamesItsOwnEnvironment() {
        DeploymentTarget target = new DeploymentTarget(" production ");
        target.setService("shop");
        TestJob deploy = new TestJob(shop, "deploy").property(target);
        TestRun plain = deploy.build(Result.SUCCESS, START, 1000);
        TestRun toStaging = deploy.build(Result.SUCCESS, START, 1000)
                .parameters(Parameter.of("DEPLOY_ENVIRONMENT", "staging"));

        DeploymentDeclaration declared = read(plain).deployment();

        assertThat(declared.source()).isEqualTo(DeploymentDeclaration.Source.EXPLICIT);
        assertThat(declared.rule()).isEqualTo("jenkins-job-property");
        assertThat(declared.environment()).isEqualTo("production");
        assertThat(declared.service()).isEqualTo("shop");
        assertThat(declared.version()).isNull();
        assertThat(read(toStaging).deployment().environment()).isEqualTo("staging");
        assertThat(read(new TestJob(shop, "x").property(new DeploymentTarget(" ")).build(Result.SUCCESS, START, 1))
                .deployment()).isNull();
    }

    @Test
    void readsCommitsFromChangeSetsOnceEachWithUnknownTimesLeftOpen() {
        TestRun run = job.build(Result.SUCCESS, START, 1000)
                .commits(new Commit("aaa", START.minusSeconds(7200).toEpochMilli()), new Commit("bbb", -1))
                .commits(new Commit("aaa", START.minusSeconds(7200).toEpochMilli()), new Commit(null, 5));

        BuildFacts facts = read(run);

        assertThat(facts.commits()).extracting(io.buildanalytics.model.facts.Commit::id).containsExactly("aaa", "bbb");
        assertThat(facts.commits().get(0).timestamp()).isEqualTo(START.minusSeconds(7200));
        assertThat(facts.commits().get(1).timestamp()).isNull();
    }

    @Test
    void readsGitRevisionBranchAndRepositoryOfTheFirstCheckout() {
        BuildData project = new BuildData(new Revision("2222", new Branch("refs/remotes/origin/feature/x")),
                "https://git.example.com/shop.git");
        BuildData library = new BuildData(new Revision("1111", new Branch("origin/master")),
                "https://git.example.com/shared-lib.git");

        var vcs = read(job.build(Result.SUCCESS, START, 1000).actions(project, library)).vcs();

        assertThat(vcs.revision()).isEqualTo("2222");
        assertThat(vcs.repositoryUrl()).isEqualTo("https://git.example.com/shop.git");
        assertThat(vcs.refName()).isEqualTo("feature/x");
    }

    @Test
    void theRevisionBranchApiBuiltPicksTheProjectsBuildDataOverASharedLibrarys() {
        BuildData library = new BuildData(new Revision("1111", new Branch("origin/master")),
                "https://git.example.com/shared-lib.git");
        BuildData project = new BuildData(new Revision("2222", new Branch("origin/main")),
                "https://git.example.com/shop.git");
        TestRun run = job.build(Result.SUCCESS, START, 1000).actions(library, project,
                new SCMRevisionAction(new SCMRevisionAction.GitRevision("2222")));

        var vcs = read(run).vcs();

        assertThat(vcs.revision()).isEqualTo("2222");
        assertThat(vcs.repositoryUrl()).isEqualTo("https://git.example.com/shop.git");
    }

    @Test
    void aMultibranchPullRequestIsDetectedFromItsBranchHead() {
        TestJob pr = new TestJob(shop, "PR-42").property(new BranchJobProperty(new jenkins.branch.Branch(
                new PullRequestHead("PR-42", "42", new SCMHead("main")))));
        pr.addAction(new ObjectMetadataAction("Add the basket"));
        TestRun run = pr.build(Result.SUCCESS, START, 1000);

        var vcs = read(run).vcs();

        assertThat(vcs.isPullRequest()).isTrue();
        assertThat(vcs.changeId()).isEqualTo("42");
        assertThat(vcs.baseRefName()).isEqualTo("main");
        assertThat(vcs.refName()).isEqualTo("PR-42");
        assertThat(vcs.changeTitle()).isEqualTo("Add the basket");
        assertThat(vcs.defaultBranch()).isFalse();
    }

    @Test
    void theMultibranchPrimaryBranchIsTheDefaultBranch() {
        TestJob main = new TestJob(shop, "main")
                .property(new BranchJobProperty(new jenkins.branch.Branch(new SCMHead("main"))));
        main.addAction(new PrimaryInstanceMetadataAction());
        TestJob feature = new TestJob(shop, "feature")
                .property(new BranchJobProperty(new jenkins.branch.Branch(new SCMHead("feature"))));

        var mainVcs = read(main.build(Result.SUCCESS, START, 1000)).vcs();
        var featureVcs = read(feature.build(Result.SUCCESS, START, 1000)).vcs();

        assertThat(mainVcs.refName()).isEqualTo("main");
        assertThat(mainVcs.refType()).isEqualTo(RefType.BRANCH);
        assertThat(mainVcs.defaultBranch()).isTrue();
        assertThat(mainVcs.isPullRequest()).isFalse();
        assertThat(featureVcs.defaultBranch()).isFalse();
    }

    @Test
    void sumsTestCountsOfEveryTestResultAction() {
        TestRun run = job.build(Result.UNSTABLE, START, 1000).actions(new Tests(100, 3, 7), new Tests(20, 1, 0));

        var tests = read(run).tests();

        assertThat(tests.total()).isEqualTo(120);
        assertThat(tests.failed()).isEqualTo(4);
        assertThat(tests.skipped()).isEqualTo(7);
        assertThat(tests.passed()).isEqualTo(109);
    }

    @Test
    void aRunWithoutScmTestsQueueOrRootUrlStillReads() {
        RunReader noRootUrl = new RunReader(new ReaderSettings(TestReaders.SERVER, null, ParameterFilter.none(),
                null, java.util.Map.of(), false));
        TestJob topLevel = new TestJob(Folder.root(), "nightly");

        BuildFacts facts = noRootUrl.read(topLevel.build(Result.FAILURE, START, 0), null).orElseThrow();

        assertThat(facts.pipeline().project()).isNull();
        assertThat(facts.pipeline().url()).isNull();
        assertThat(facts.run().url()).isNull();
        assertThat(facts.vcs()).isNull();
        assertThat(facts.commits()).isEmpty();
        assertThat(facts.tests()).isNull();
        assertThat(facts.queuedAt()).isNull();
        assertThat(facts.worker()).isNull();
        assertThat(facts.finishedAt()).isEqualTo(facts.startedAt());
    }

    @Test
    void aFreestyleRunNamesItsNodeAndTheBuiltInNode() {
        FreestyleRun onAgent = new FreestyleRun(job, START.toEpochMilli(), "linux-7");
        onAgent.setResult(Result.SUCCESS);
        FreestyleRun onController = new FreestyleRun(job, START.toEpochMilli(), "");
        onController.setResult(Result.SUCCESS);

        assertThat(read(onAgent).worker().name()).isEqualTo("linux-7");
        assertThat(read(onController).worker().name()).isEqualTo("built-in");
    }

    @Test
    void aRunningBuildIsNotRead() {
        assertThat(TestReaders.standard().read(job.running(START), null)).isEmpty();
    }

    @Test
    void aQueueTimeAfterTheStartIsIgnored() {
        TestRun run = job.build(Result.SUCCESS, START, 1000);

        assertThat(TestReaders.standard().read(run, START.plusSeconds(5)).orElseThrow().queuedAt()).isNull();
    }

    @Test
    void hugeNamesAndFiftyThousandCommitsStillMakeABoundedValidEvent() {
        TestJob huge = new TestJob(new Folder(Folder.root(), "f".repeat(10_000)), "j".repeat(10_000));
        TestRun run = huge.build(Result.SUCCESS, START, 1000);
        List<Commit> commits = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            commits.add(new Commit(String.format("%040x", i), START.minusSeconds(60L * i).toEpochMilli()));
        }
        run.commits(commits.toArray(new Commit[0]));

        BuildFacts facts = read(run);
        BuildEvent event = new BuildEventFactory(new Sender("jenkins-plugin", "test"), DeploymentRules.explicitOnly(),
                IndexNaming.defaults(), Clock.systemUTC()).create(facts, History.none());

        assertThat(facts.commits()).hasSize(50_000);
        assertThat(event.json().getBytes(StandardCharsets.UTF_8).length).isLessThan(100 * 1024);
        assertThat(event.index()).isEqualTo("cicd-events-2026.03");
    }

    /** A pull-request head, as branch-api hands it over (scm-api's change-request mixin). */
    public static final class PullRequestHead extends SCMHead implements ChangeRequestSCMHead {
        private final String id;
        private final SCMHead target;

        PullRequestHead(String name, String id, SCMHead target) {
            super(name);
            this.id = id;
            this.target = target;
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public SCMHead getTarget() {
            return target;
        }
    }

    /** A JUnit-style result action. */
    public static final class Tests extends AbstractTestResultAction {
        private final int total;
        private final int failed;
        private final int skipped;

        Tests(int total, int failed, int skipped) {
            this.total = total;
            this.failed = failed;
            this.skipped = skipped;
        }

        @Override
        public int getTotalCount() {
            return total;
        }

        @Override
        public int getFailCount() {
            return failed;
        }

        @Override
        public int getSkipCount() {
            return skipped;
        }
    }
}
