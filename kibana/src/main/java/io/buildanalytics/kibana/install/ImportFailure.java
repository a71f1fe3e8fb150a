package io.buildanalytics.kibana.install;

import java.util.Objects;

/**
 * One saved object the import did not create, as the server reported it.
 *
 * @param type      saved-object type ({@code dashboard}, {@code visualization}, {@code index-pattern}, …)
 * @param id        saved-object id
 * @param title     its title, or null when the server did not say
 * @param errorType the server's error type: {@code conflict}, {@code ambiguous_conflict}, {@code missing_references},
 *                  {@code unsupported_type} or {@code unknown}
 * @param detail    what else the server said (the missing references, an unknown error's message), or ""
 */
public record ImportFailure(String type, String id, String title, String errorType, String detail) {

    public ImportFailure {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(errorType, "errorType");
        detail = detail == null ? "" : detail;
    }

    /** One line for a person: {@code dashboard 'CI overview' (id ci-overview): missing_references (…)}. */
    public String describe() {
        String name = title == null || title.isBlank() ? "" : " '" + title + "'";
        return type + name + " (id " + id + "): " + errorType + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
