package io.buildanalytics.model.derive;

import io.buildanalytics.model.facts.Pipeline;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * "Runs of pipelines whose id or name matches this pattern deploy to this environment." The environment and
 * the service are either fixed by the rule or captured by named groups {@code (?<environment>…)} and
 * {@code (?<service>…)}, so one rule such as {@code (?<service>[^/]+)/deploy-(?<environment>prod|staging)}
 * covers a whole folder layout. Patterns are found anywhere in the text, case-insensitively.
 */
public final class NamePatternRule {

    private static final String ENVIRONMENT_GROUP = "environment";
    private static final String SERVICE_GROUP = "service";

    private final Pattern pattern;
    private final String environment;
    private final String service;

    private NamePatternRule(Pattern pattern, String environment, String service) {
        this.pattern = pattern;
        this.environment = environment;
        this.service = service;
    }

    /**
     * @param regex       Java regular expression
     * @param environment the environment, or null/blank when the pattern captures it
     * @param service     the service, or null/blank to capture it or fall back to the pipeline's project or id
     * @throws IllegalArgumentException with a message an admin page can show as is
     */
    public static NamePatternRule of(String regex, String environment, String service) {
        if (regex == null || regex.isBlank()) {
            throw new IllegalArgumentException("A deployment pattern must not be empty");
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("Deployment pattern '" + regex + "' is not a valid regular expression: "
                    + e.getDescription() + " near index " + e.getIndex(), e);
        }
        String fixedEnvironment = blankToNull(environment);
        if (fixedEnvironment == null && !hasGroup(regex, ENVIRONMENT_GROUP)) {
            throw new IllegalArgumentException("Deployment pattern '" + regex + "' needs an environment: name one, "
                    + "or capture it with (?<environment>...)");
        }
        return new NamePatternRule(pattern, fixedEnvironment, blankToNull(service));
    }

    /** The rule's name as recorded in {@code dora.deployment.rule}. */
    public String describe() {
        return "pattern:" + pattern.pattern();
    }

    /** The environment and service this rule assigns to runs of the pipeline, if it matches. */
    public Optional<Match> match(Pipeline pipeline) {
        for (String text : new String[] {pipeline.id(), pipeline.name()}) {
            Matcher matcher = pattern.matcher(text);
            if (matcher.find()) {
                String env = environment != null ? environment : group(matcher, ENVIRONMENT_GROUP);
                if (env == null) {
                    continue; // the environment group sits in an alternative that did not take part
                }
                String svc = service != null ? service : group(matcher, SERVICE_GROUP);
                return Optional.of(new Match(env, svc));
            }
        }
        return Optional.empty();
    }

    public record Match(String environment, String service) {
    }

    private static String group(Matcher matcher, String name) {
        if (!hasGroup(matcher.pattern().pattern(), name)) {
            return null;
        }
        return blankToNull(matcher.group(name));
    }

    private static boolean hasGroup(String regex, String name) {
        return regex.contains("(?<" + name + ">");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public String toString() {
        return describe();
    }
}
