package io.buildanalytics.shipper.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.buildanalytics.model.derive.NamePatternRule;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each field's rule: the value the plugin uses, or the sentence the page shows. */
class FieldRulesTest {

    @Test
    void acceptsOneOrMoreUrlsSeparatedAnyWay() {
        assertThat(FieldRules.urls(" https://es1.example.com:9200, https://es2.example.com:9200\nhttp://10.0.0.3:9200 "))
                .containsExactly(URI.create("https://es1.example.com:9200"), URI.create("https://es2.example.com:9200"),
                        URI.create("http://10.0.0.3:9200"));
    }

    @Test
    void refusesUrlsThatCannotWorkOrWouldLeakAPassword() {
        assertThatThrownBy(() -> FieldRules.urls("")).hasMessageContaining("Enter the engine's URL");
        assertThatThrownBy(() -> FieldRules.urls("elasticsearch:9200")).hasMessageContaining("must start with https://");
        assertThatThrownBy(() -> FieldRules.urls("ftp://es.example.com")).hasMessageContaining("must start with https://");
        assertThatThrownBy(() -> FieldRules.urls("https://elastic:changeme@es.example.com"))
                .hasMessage("Remove the user name and password from the URL and choose a credential instead")
                .hasMessageNotContaining("changeme");
        assertThatThrownBy(() -> FieldRules.urls("https://es.example.com/?x=1")).hasMessageContaining("query");
        assertThatThrownBy(() -> FieldRules.urls("https://es example.com")).hasMessageContaining("must start with");
        assertThatThrownBy(() -> FieldRules.urls("ftp://" + "a".repeat(10_000)))
                .hasMessageContaining("…").satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }

    @Test
    void readsDeploymentPatternsInAllThreeFormsAndNamesTheBadLine() {
        List<NamePatternRule> rules = FieldRules.deploymentPatterns("""
                # deploy jobs
                deploy-prod$ => production / shop
                release-.* => staging

                (?<service>[^/]+)/deploy-(?<environment>prod|qa)
                """);

        assertThat(rules).extracting(NamePatternRule::describe).containsExactly("pattern:deploy-prod$",
                "pattern:release-.*", "pattern:(?<service>[^/]+)/deploy-(?<environment>prod|qa)");
        assertThatThrownBy(() -> FieldRules.deploymentPatterns("ok => prod\ndeploy-(.*"))
                .hasMessageStartingWith("Line 2: ").hasMessageContaining("not a valid regular expression");
        assertThatThrownBy(() -> FieldRules.deploymentPatterns("deploy-.*"))
                .hasMessageStartingWith("Line 1: ").hasMessageContaining("needs an environment");
    }

    @Test
    void readsLabelsAndRefusesKeysTheSchemaCannotHold() {
        assertThat(FieldRules.labels("team = payments\n# comment\ncost-centre=4711\n"))
                .containsExactly(java.util.Map.entry("team", "payments"), java.util.Map.entry("cost-centre", "4711"));
        assertThatThrownBy(() -> FieldRules.labels("team.name=x")).hasMessageContaining("Line 1: label key");
        assertThatThrownBy(() -> FieldRules.labels("team")).hasMessageContaining("key=value");
    }

    @Test
    void checksParameterNamesRegionPemAndBudget() {
        assertThat(FieldRules.parameterName(" DEPLOY_ENV ", "environment")).isEqualTo("DEPLOY_ENV");
        assertThat(FieldRules.parameterName("", "environment")).isNull();
        assertThat(FieldRules.deploymentParameters("", "X", "Y")).isNull();
        assertThatThrownBy(() -> FieldRules.parameterName("DEPLOY ENV", "environment")).hasMessageContaining("not a parameter name");
        assertThat(FieldRules.awsRegion("eu-west-1")).isEqualTo("eu-west-1");
        assertThatThrownBy(() -> FieldRules.awsRegion("Frankfurt")).hasMessageContaining("eu-west-1");
        assertThatThrownBy(() -> FieldRules.caPem("hello")).hasMessageContaining("BEGIN CERTIFICATE");
        assertThatThrownBy(() -> FieldRules.caPem("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"))
                .hasMessageContaining("cannot be read");
        assertThat(FieldRules.caPem("  ")).isNull();
        assertThat(FieldRules.diskBudgetBytes(256)).isEqualTo(256L * 1024 * 1024);
        assertThatThrownBy(() -> FieldRules.diskBudgetBytes(1)).hasMessageContaining("between 16 MB");
        assertThatThrownBy(() -> FieldRules.indexPrefix("Build Events")).hasMessageContaining("not valid");
        assertThat(FieldRules.indexPrefix("").prefix()).isEqualTo("cicd-events");
    }

    @Test
    void parameterFilterMatchesNamesAndWildcardsButNeverSensitiveValues() {
        ParameterFilter filter = ParameterFilter.parse("DEPLOY_*, target");

        assertThat(filter.allows("DEPLOY_ENV", false)).isTrue();
        assertThat(filter.allows("deploy_env", false)).isTrue();
        assertThat(filter.allows("TARGET", false)).isTrue();
        assertThat(filter.allows("TARGETS", false)).isFalse();
        assertThat(filter.allows("DEPLOY_TOKEN", true)).isFalse();
        assertThat(ParameterFilter.parse("").allows("ANY", false)).isFalse();
        assertThat(ParameterFilter.parse("*").allows("ANY", false)).isTrue();
        assertThatThrownBy(() -> ParameterFilter.parse("DEPLOY_(ENV)")).hasMessageContaining("not allowed");
    }
}
