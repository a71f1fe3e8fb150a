package io.buildanalytics.localengine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The users and roles a secured Elasticsearch node starts with, kept in its file realm
 * ({@code config/users}, {@code config/users_roles}, {@code config/roles.yml}). Immutable; built through
 * {@link EngineOptions#withUser} and {@link EngineOptions#withRole}.
 *
 * <p>The file realm rather than the native one (users made through the REST API): its users exist before the
 * node answers, so the readiness check can authenticate, and the integ-test-zip cannot create the
 * {@code .security} index that native users live in (see the README).
 */
record FileRealm(Map<String, User> users, Map<String, String> roles) {

    /** The superuser every secured node gets, with a password generated per node. */
    static final String SUPERUSER = "admin";
    static final String SUPERUSER_ROLE = "superuser";
    static final FileRealm EMPTY = new FileRealm(Map.of(), Map.of());

    private static final ObjectMapper JSON = new ObjectMapper();

    record User(String password, List<String> roles) {
    }

    FileRealm withUser(String name, String password, String... userRoles) {
        requireName("user name", name);
        if (name.equals(SUPERUSER)) {
            throw new IllegalArgumentException("The user name '" + SUPERUSER + "' is taken by the node's superuser;"
                    + " LocalEngine.superuser() has its password");
        }
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(userRoles, "roles");
        for (String role : userRoles) {
            requireName("role name", role);
        }
        Map<String, User> changed = new LinkedHashMap<>(users);
        changed.put(name, new User(password, List.of(userRoles)));
        return new FileRealm(Collections.unmodifiableMap(changed), roles);
    }

    /** {@code definition} is the JSON body of the create-role API, stored compacted to one line. */
    FileRealm withRole(String name, String definition) {
        requireName("role name", name);
        Map<String, String> changed = new LinkedHashMap<>(roles);
        changed.put(name, compactJsonObject(name, definition));
        return new FileRealm(users, Collections.unmodifiableMap(changed));
    }

    /**
     * The roles file: one role a line, the definition in JSON, which YAML reads as a flow mapping. That spares
     * a YAML library, and callers write roles exactly as for {@code PUT /_security/role/<name>}.
     */
    String rolesYaml() {
        StringBuilder yaml = new StringBuilder("# Written by local-engine for this node only.\n");
        roles.forEach((name, definition) -> yaml.append(quoted(name)).append(": ").append(definition).append('\n'));
        return yaml.toString();
    }

    /**
     * Names end up in colon- and comma-separated files (users, users_roles) and on a command line; the
     * distribution's tool checks the rest of its naming rules itself.
     */
    private static void requireName(String what, String name) {
        if (name == null || name.isBlank()
                || name.chars().anyMatch(c -> c == ':' || c == ',' || Character.isWhitespace(c))) {
            throw new IllegalArgumentException("A " + what + " must be non-empty, without blanks, ':' or ',', not '"
                    + name + "'");
        }
    }

    private static String compactJsonObject(String role, String definition) {
        if (definition == null) {
            throw new IllegalArgumentException("Role '" + role + "' has no definition");
        }
        JsonNode parsed;
        try {
            parsed = JSON.readTree(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The definition of role '" + role + "' is not JSON: "
                    + e.getOriginalMessage(), e);
        }
        if (parsed == null || !parsed.isObject()) {
            throw new IllegalArgumentException("The definition of role '" + role + "' must be a JSON object such as"
                    + " {\"indices\":[{\"names\":[\"my-*\"],\"privileges\":[\"read\"]}]}");
        }
        return parsed.toString();
    }

    private static String quoted(String name) {
        try {
            // A JSON string is a valid YAML double-quoted scalar, so any role name is safe as a key.
            return JSON.writeValueAsString(name);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot quote " + name, e);
        }
    }
}
