package io.buildanalytics.teamcity.settings;

import io.buildanalytics.model.derive.DeploymentParameters;
import io.buildanalytics.model.schema.IndexNaming;
import io.buildanalytics.shipper.connection.SecretText;
import io.buildanalytics.shipper.settings.Backend;
import io.buildanalytics.shipper.settings.ConnectionFactory;
import io.buildanalytics.shipper.settings.ConnectionFields;
import io.buildanalytics.shipper.settings.Credential;
import io.buildanalytics.shipper.settings.FieldChecks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The administration page's values, by field name, as typed. The names are those of the Jenkins page, so the
 * shared {@link FieldChecks} read both alike. The secret (password, token or AWS secret key) is held in plain form
 * here and only here; it is scrambled on disk and never sent back to the browser.
 */
public final class TeamCitySettings {

    public static final String AUTH_NONE = "none";
    public static final String AUTH_USERNAME_PASSWORD = "usernamePassword";
    public static final String AUTH_TOKEN = "token";
    public static final String SECRET = "secret";

    /** Every field with its default, in page order. */
    static final Map<String, String> DEFAULTS = defaults();

    private final Map<String, String> values;

    private TeamCitySettings(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("enabled", "true");
        d.put("backend", Backend.ELASTICSEARCH.id());
        d.put("urls", "");
        d.put("authType", AUTH_NONE);
        d.put("username", "");
        d.put(SECRET, "");
        d.put("tokenType", ConnectionFactory.TOKEN_API_KEY);
        d.put("awsRegion", "");
        d.put("indexPrefix", IndexNaming.DEFAULT_PREFIX);
        d.put("tlsCaPem", "");
        d.put("skipTlsVerification", "false");
        d.put("useServerProxy", "true");
        d.put("deploymentPatterns", "");
        d.put("productionEnvironments", "");
        d.put("deploymentEnvironmentParameter", DeploymentParameters.DEFAULTS.environmentParameter());
        d.put("deploymentServiceParameter", DeploymentParameters.DEFAULTS.serviceParameter());
        d.put("deploymentVersionParameter", DeploymentParameters.DEFAULTS.versionParameter());
        d.put("allowedParameters", "");
        d.put("labels", "");
        d.put("diskBudgetMb", "256");
        d.put("sendUserNames", "false");
        d.put("serverName", "");
        return Collections.unmodifiableMap(d);
    }

    public static TeamCitySettings defaultSettings() {
        return new TeamCitySettings(new LinkedHashMap<>(DEFAULTS));
    }

    /** Known fields from {@code given}, the default for any it lacks; unknown names are ignored. */
    public static TeamCitySettings of(Map<String, String> given) {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        for (String field : DEFAULTS.keySet()) {
            String value = given.get(field);
            if (value != null) {
                values.put(field, value);
            }
        }
        return new TeamCitySettings(values);
    }

    public static boolean isField(String name) {
        return DEFAULTS.containsKey(name);
    }

    public String get(String field) {
        String value = values.get(field);
        if (value == null) {
            throw new IllegalArgumentException("No such setting: " + field);
        }
        return value;
    }

    public boolean flag(String field) {
        return Boolean.parseBoolean(get(field));
    }

    public boolean enabled() {
        return flag("enabled");
    }

    public boolean configured() {
        return !get("urls").isBlank();
    }

    public boolean hasSecret() {
        return !get(SECRET).isEmpty();
    }

    /** Every value, the secret included (for the settings file, which scrambles it). */
    public Map<String, String> values() {
        return values;
    }

    /** These settings with the secret replaced. */
    public TeamCitySettings withSecret(String secret) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(SECRET, secret == null ? "" : secret);
        return new TeamCitySettings(copy);
    }

    /**
     * Validates every field of enabled settings.
     *
     * @throws FieldChecks.InvalidField for the first invalid one
     */
    public void validate() {
        if (!enabled()) {
            return;
        }
        FieldChecks.validate(values);
        String auth = get("authType");
        if (!auth.equals(AUTH_NONE) && !auth.equals(AUTH_USERNAME_PASSWORD) && !auth.equals(AUTH_TOKEN)) {
            throw new FieldChecks.InvalidField("authType", "Choose no authentication, username and password, or a token");
        }
        if (configured() && !auth.equals(AUTH_NONE) && !hasSecret()) {
            throw new FieldChecks.InvalidField(SECRET, auth.equals(AUTH_TOKEN) ? "Enter the token"
                    : "Enter the password (for Amazon: the secret access key)");
        }
        if (configured() && auth.equals(AUTH_USERNAME_PASSWORD) && get("username").isBlank()) {
            throw new FieldChecks.InvalidField("username", "Enter the username (for Amazon: the access key id)");
        }
        FieldChecks.megabytes(get("diskBudgetMb"));
    }

    public int diskBudgetMb() {
        return FieldChecks.megabytes(get("diskBudgetMb"));
    }

    public ConnectionFields connection() {
        return new ConnectionFields(get("backend"), get("urls"), get("tokenType"), get("awsRegion"), get("tlsCaPem"),
                flag("skipTlsVerification"), flag("useServerProxy"));
    }

    /** The page's authentication choice as a credential for one connection. */
    public Credential credential() {
        return switch (get("authType")) {
            case AUTH_USERNAME_PASSWORD -> new Credential.UsernamePassword(get("username").trim(),
                    SecretText.of(get(SECRET)));
            case AUTH_TOKEN -> new Credential.Token(SecretText.of(get(SECRET)));
            default -> new Credential.None();
        };
    }

    /** Never the secret: a settings object may end up in a log line or a debugger. */
    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>(values);
        shown.put(SECRET, hasSecret() ? "(set)" : "");
        return "TeamCitySettings" + shown;
    }
}
