package io.buildanalytics.model.event;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A repository URL in OpenTelemetry's canonical form (https, no credentials, no {@code .git}, no query), with the
 * provider, owner and name read from it. Git's many spellings of one repository ({@code git@host:o/r.git},
 * {@code ssh://git@host:22/o/r}, {@code https://token@host/o/r.git}) become one value, so dashboards can group by it.
 *
 * @param url      canonical URL
 * @param provider {@code github}, {@code gitlab}, {@code bitbucket} or {@code gitea}, recognised from the host; or null
 * @param owner    everything between host and name (a GitLab group path may have several segments), or null
 * @param name     the repository's own name
 */
record RepositoryUrl(String url, String provider, String owner, String name) {

    private static final Pattern SCP_LIKE = Pattern.compile("^(?:[^@/\\s]+@)?([^:/\\s]+):(?!//)(.+)$");
    private static final Pattern WITH_SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://(?:[^/?#]*@)?([^/?#]*)([^?#]*)");

    static Optional<RepositoryUrl> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String text = raw.strip();
        String scheme;
        String host;
        String path;
        Matcher withScheme = WITH_SCHEME.matcher(text);
        Matcher scpLike = SCP_LIKE.matcher(text);
        if (withScheme.find()) {
            scheme = withScheme.group(1).toLowerCase(Locale.ROOT);
            host = withScheme.group(2).toLowerCase(Locale.ROOT);
            path = withScheme.group(3);
        } else if (scpLike.matches()) {
            scheme = "ssh";
            host = scpLike.group(1).toLowerCase(Locale.ROOT);
            path = "/" + scpLike.group(2);
        } else {
            return Optional.empty(); // a local path or something unknown: better no URL than a wrong one
        }
        if (!scheme.equals("file")) {
            if (host.isEmpty()) {
                return Optional.empty();
            }
            // ssh and git ports are transport details; an https port is part of the web address.
            if (!scheme.startsWith("http")) {
                host = host.replaceFirst(":\\d+$", "");
            }
            scheme = "https";
        }
        String cleanPath = trimRepositoryPath(path);
        if (cleanPath.isEmpty()) {
            return Optional.empty();
        }
        int lastSlash = cleanPath.lastIndexOf('/');
        String name = cleanPath.substring(lastSlash + 1);
        String owner = lastSlash > 0 ? cleanPath.substring(0, lastSlash) : null;
        String url = scheme + "://" + host + "/" + cleanPath;
        return Optional.of(new RepositoryUrl(url, providerOf(host), owner, name));
    }

    private static String trimRepositoryPath(String path) {
        String trimmed = path.replaceAll("/+", "/");
        trimmed = trimmed.replaceAll("^/+|/+$", "");
        if (trimmed.endsWith(".git")) {
            trimmed = trimmed.substring(0, trimmed.length() - 4);
        }
        return trimmed.replaceAll("/+$", "");
    }

    private static String providerOf(String host) {
        for (String provider : new String[] {"github", "gitlab", "bitbucket", "gitea"}) {
            if (host.contains(provider)) {
                return provider;
            }
        }
        return null;
    }
}
