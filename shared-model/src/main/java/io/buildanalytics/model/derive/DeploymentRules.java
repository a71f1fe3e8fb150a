package io.buildanalytics.model.derive;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The admin's deployment settings: name patterns for pipelines nobody declared as deployments, and which
 * environments count as production.
 *
 * @param patterns               tried in order; the first match decides
 * @param productionEnvironments matched against the normalised environment name
 */
public record DeploymentRules(List<NamePatternRule> patterns, Pattern productionEnvironments) {

    /** Production, plus regional or numbered variants such as {@code prod-eu} or {@code production-2}. */
    public static final String DEFAULT_PRODUCTION = "(production|prod|prd|live)([-_.].*)?";

    public DeploymentRules {
        patterns = List.copyOf(Objects.requireNonNull(patterns, "patterns"));
        Objects.requireNonNull(productionEnvironments, "productionEnvironments");
    }

    /** No patterns: only explicitly declared deployments count. */
    public static DeploymentRules explicitOnly() {
        return new DeploymentRules(List.of(), Pattern.compile(DEFAULT_PRODUCTION));
    }

    public static DeploymentRules of(List<NamePatternRule> patterns) {
        return new DeploymentRules(patterns, Pattern.compile(DEFAULT_PRODUCTION));
    }

    /** @throws IllegalArgumentException with a message an admin page can show as is */
    public DeploymentRules withProductionEnvironments(String regex) {
        try {
            return new DeploymentRules(patterns, Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("Production environment pattern '" + regex
                    + "' is not a valid regular expression: " + e.getDescription(), e);
        }
    }

    boolean isProduction(String normalizedEnvironment) {
        return EnvironmentNames.PRODUCTION.equals(normalizedEnvironment)
                || productionEnvironments.matcher(normalizedEnvironment).matches();
    }
}
