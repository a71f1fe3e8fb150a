package io.buildanalytics.shipper.settings;

import io.buildanalytics.model.derive.DeploymentParameters;
import io.buildanalytics.model.derive.NamePatternRule;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.schema.IndexNaming;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How each field of the configuration page is read. Every rule either returns the value the plugin uses or
 * throws {@link IllegalArgumentException} with a sentence the page shows next to the field, so the
 * as-you-type checks and the save use the very same rules.
 */
public final class FieldRules {

    public static final int MIN_DISK_BUDGET_MB = 16;
    public static final int MAX_DISK_BUDGET_MB = 1024 * 1024;
    private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern AWS_REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
    private static final String ARROW = "=>";

    private FieldRules() {
    }

    /** One or more engine URLs (separated by commas, spaces or new lines); several URLs are nodes of one cluster. */
    public static List<URI> urls(String text) {
        List<String> tokens = tokens(text);
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("Enter the engine's URL, e.g. https://elasticsearch.example.com:9200");
        }
        List<URI> urls = new ArrayList<>();
        for (String token : tokens) {
            urls.add(url(token));
        }
        return List.copyOf(urls);
    }

    private static URI url(String token) {
        URI uri;
        try {
            uri = new URI(token);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + shorten(token) + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("'" + shorten(token) + "' must start with https:// (or http://)");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("'" + shorten(token) + "' has no host name");
        }
        if (uri.getRawUserInfo() != null) {
            // Never keep a password in a plain field: it would be stored unencrypted and shown on the page.
            throw new IllegalArgumentException("Remove the user name and password from the URL and choose a "
                    + "credential instead");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("'" + shorten(token) + "' must not have a query (?…) or fragment (#…)");
        }
        return uri;
    }

    public static IndexNaming indexPrefix(String text) {
        return text == null || text.isBlank() ? IndexNaming.defaults() : IndexNaming.withPrefix(text.trim());
    }

    /** An AWS region such as {@code eu-west-1}; required for the Amazon backends. */
    public static String awsRegion(String text) {
        String region = text == null ? "" : text.trim();
        if (!AWS_REGION.matcher(region).matches()) {
            throw new IllegalArgumentException(region.isEmpty() ? "Enter the AWS region of the domain, e.g. eu-west-1"
                    : "'" + shorten(region) + "' is not an AWS region; it looks like eu-west-1");
        }
        return region;
    }

    /** A PEM bundle of one or more CA certificates, or null when the field is empty (the JVM's trust store). */
    public static String caPem(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!text.contains("-----BEGIN CERTIFICATE-----")) {
            throw new IllegalArgumentException("Paste the CA certificate in PEM form, starting with "
                    + "-----BEGIN CERTIFICATE-----");
        }
        try {
            var certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(text.trim().getBytes(StandardCharsets.US_ASCII)));
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("The PEM text holds no certificate");
            }
        } catch (CertificateException e) {
            throw new IllegalArgumentException("The CA certificate cannot be read: " + e.getMessage());
        }
        return text.trim();
    }

    /**
     * Name patterns, one per line: {@code regex => environment}, {@code regex => environment / service}, or a
     * regex alone when it captures {@code (?<environment>…)}. Lines starting with {@code #} are comments.
     */
    public static List<NamePatternRule> deploymentPatterns(String text) {
        List<NamePatternRule> rules = new ArrayList<>();
        int lineNumber = 0;
        for (String line : lines(text)) {
            lineNumber++;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String regex = line;
            String environment = null;
            String service = null;
            int arrow = line.lastIndexOf(ARROW);
            if (arrow >= 0) {
                regex = line.substring(0, arrow).trim();
                String target = line.substring(arrow + ARROW.length()).trim();
                int slash = target.indexOf('/');
                environment = slash < 0 ? target : target.substring(0, slash).trim();
                service = slash < 0 ? null : target.substring(slash + 1).trim();
            }
            try {
                rules.add(NamePatternRule.of(regex, environment, service));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Line " + lineNumber + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(rules);
    }

    /** Which environments count as production (matched against the normalised environment name). */
    public static String productionEnvironments(String text) {
        if (text == null || text.isBlank()) {
            return io.buildanalytics.model.derive.DeploymentRules.DEFAULT_PRODUCTION;
        }
        try {
            Pattern.compile(text.trim());
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("Not a valid regular expression: " + e.getDescription());
        }
        return text.trim();
    }

    /** The build parameters that declare a deployment; the environment parameter may be left empty to turn it off. */
    public static DeploymentParameters deploymentParameters(String environment, String service, String version) {
        String env = parameterName(environment, "environment");
        if (env == null) {
            return null;
        }
        return new DeploymentParameters(env, parameterName(service, "service"), parameterName(version, "version"));
    }

    /** A build parameter name, or null when empty. */
    public static String parameterName(String text, String role) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String name = text.trim();
        if (!PARAMETER_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + shorten(name) + "' is not a parameter name (the " + role
                    + " parameter): use letters, digits and '_', starting with a letter");
        }
        return name;
    }

    /** Labels added to every event, one {@code key=value} per line (team, product, cost centre…). */
    public static Map<String, String> labels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        int lineNumber = 0;
        for (String line : lines(text)) {
            lineNumber++;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("Line " + lineNumber + ": write a label as key=value");
            }
            String key = line.substring(0, equals).trim();
            if (!BuildFacts.LABEL_KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("Line " + lineNumber + ": label key '" + shorten(key)
                        + "' may only use letters, digits, '_' and '-' (at most 64)");
            }
            labels.put(key, line.substring(equals + 1).trim());
        }
        return labels;
    }

    public static long diskBudgetBytes(int megabytes) {
        if (megabytes < MIN_DISK_BUDGET_MB || megabytes > MAX_DISK_BUDGET_MB) {
            throw new IllegalArgumentException("Choose a disk budget between " + MIN_DISK_BUDGET_MB + " MB and "
                    + MAX_DISK_BUDGET_MB + " MB");
        }
        return megabytes * 1024L * 1024L;
    }

    /** Words separated by commas, spaces or line breaks. */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text != null) {
            for (String token : text.split("[,\\s]+")) {
                if (!token.isEmpty()) {
                    tokens.add(token);
                }
            }
        }
        return tokens;
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        if (text != null) {
            for (String line : text.split("\\R")) {
                lines.add(line.trim());
            }
        }
        return lines;
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
