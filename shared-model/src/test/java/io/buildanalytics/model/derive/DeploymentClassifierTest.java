package io.buildanalytics.model.derive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.buildanalytics.model.Fixtures;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.facts.DeploymentDeclaration;
import io.buildanalytics.model.facts.Vcs;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeploymentClassifierTest {

    private final DeploymentClassifier classifier = new DeploymentClassifier(DeploymentRules.of(List.of(
            NamePatternRule.of("(?<service>[^/]+)/deploy-(?<environment>[a-z-]+)$", null, null),
            NamePatternRule.of("release", "production", "platform"))));

    private static BuildFacts.Builder run(String job) {
        return Fixtures.jenkins(job, 7, "SUCCESS", Fixtures.T0);
    }

    @Test
    void anExplicitDeclarationBeatsEveryPattern() {
        BuildFacts facts = run("cart/deploy-staging").deployment(Fixtures.declared("Prod", "checkout", "2.1")).build();

        Deployment deployment = classifier.classify(facts).orElseThrow();
        assertThat(deployment.detection()).isEqualTo(Deployment.Detection.EXPLICIT);
        assertThat(deployment.rule()).isEqualTo("jenkins-step");
        assertThat(deployment.environment()).isEqualTo("production");
        assertThat(deployment.production()).isTrue();
        assertThat(deployment.service()).isEqualTo("checkout");
        assertThat(deployment.version()).isEqualTo("2.1");
    }

    @Test
    void aParameterDeclarationIsRecordedAsSuch() {
        Map<String, String> parameters = Map.of("DEPLOY_ENVIRONMENT", "staging-eu", "DEPLOY_VERSION", "9");
        Optional<DeploymentDeclaration> declared = DeploymentParameters.DEFAULTS.declaration(parameters::get);
        BuildFacts facts = run("tools/anything").deployment(declared.orElseThrow()).build();

        Deployment deployment = classifier.classify(facts).orElseThrow();
        assertThat(deployment.detection()).isEqualTo(Deployment.Detection.PARAMETER);
        assertThat(deployment.rule()).isEqualTo("parameter:DEPLOY_ENVIRONMENT");
        assertThat(deployment.environment()).isEqualTo("staging-eu");
        assertThat(deployment.production()).isFalse();
        assertThat(deployment.service()).as("no service parameter: the folder").isEqualTo("tools");
        assertThat(deployment.version()).isEqualTo("9");
        assertThat(DeploymentParameters.DEFAULTS.declaration(name -> null)).isEmpty();
    }

    @Test
    void namedGroupsCaptureServiceAndEnvironment() {
        Deployment deployment = classifier.classify(run("cart/deploy-prod").build()).orElseThrow();

        assertThat(deployment.detection()).isEqualTo(Deployment.Detection.PIPELINE_PATTERN);
        assertThat(deployment.rule()).isEqualTo("pattern:(?<service>[^/]+)/deploy-(?<environment>[a-z-]+)$");
        assertThat(deployment.service()).isEqualTo("cart");
        assertThat(deployment.environment()).isEqualTo("production");
    }

    @Test
    void fixedValuesApplyWhenThePatternCapturesNothingAndTheFirstMatchingRuleWins() {
        Deployment deployment = classifier.classify(run("platform/release-train").build()).orElseThrow();

        assertThat(deployment.service()).isEqualTo("platform");
        assertThat(deployment.rule()).isEqualTo("pattern:release");
        assertThat(deployment.production()).isTrue();
    }

    @Test
    void runsMatchingNoRuleAreNotDeployments() {
        assertThat(classifier.classify(run("cart/build").build())).isEmpty();
        assertThat(new DeploymentClassifier(DeploymentRules.explicitOnly()).classify(run("cart/deploy-prod").build()))
                .isEmpty();
    }

    @Test
    void personalBuildsNeverArePullRequestsOnlyWhenDeclared() {
        BuildFacts personal = run("cart/deploy-prod").personal(true).deployment(Fixtures.declared("prod", null, null))
                .build();
        Vcs pullRequest = new Vcs(null, "abc", "PR-5", null, null, "main", null, "5", "Fix");
        BuildFacts matchingPr = run("cart/deploy-prod").vcs(pullRequest).build();
        BuildFacts declaredPr = run("cart/deploy-prod").vcs(pullRequest).deployment(Fixtures.declared("preview", null,
                null)).build();

        assertThat(classifier.classify(personal)).isEmpty();
        assertThat(classifier.classify(matchingPr)).isEmpty();
        assertThat(classifier.classify(declaredPr)).get().extracting(Deployment::environment).isEqualTo("preview");
    }

    @Test
    void productionVariantsAreProductionAndTheSetIsConfigurable() {
        DeploymentRules rules = DeploymentRules.explicitOnly();
        assertThat(rules.isProduction(EnvironmentNames.normalize("PRD"))).isTrue();
        assertThat(rules.isProduction(EnvironmentNames.normalize("prod-eu"))).isTrue();
        assertThat(rules.isProduction(EnvironmentNames.normalize("production_2"))).isTrue();
        assertThat(rules.isProduction(EnvironmentNames.normalize("preprod"))).isFalse();
        assertThat(rules.isProduction(EnvironmentNames.normalize("products"))).isFalse();
        assertThat(rules.withProductionEnvironments("customer-.*").isProduction("customer-a")).isTrue();
    }

    @Test
    void badRulesAreRefusedWithAMessageAnAdminCanAct() {
        assertThatThrownBy(() -> NamePatternRule.of("deploy-(", "prod", null))
                .hasMessageContaining("not a valid regular expression");
        assertThatThrownBy(() -> NamePatternRule.of("deploy", null, null))
                .hasMessageContaining("needs an environment");
        assertThatThrownBy(() -> DeploymentRules.explicitOnly().withProductionEnvironments("[a"))
                .hasMessageContaining("Production environment pattern");
    }
}
