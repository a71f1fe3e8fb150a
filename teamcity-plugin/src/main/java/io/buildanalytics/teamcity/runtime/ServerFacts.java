package io.buildanalytics.teamcity.runtime;

import io.buildanalytics.shipper.connection.ProxySettings;
import java.nio.file.Path;

/**
 * What the settings need from the running TeamCity, read once per apply.
 *
 * @param serverId      this server's stable id (see {@link ServerIdentity})
 * @param rootUrl       the server URL ending in '/', or null when unknown
 * @param version       TeamCity's full version
 * @param dataDirectory where the spool, dead letters and backfill checkpoint live
 * @param proxy         the JVM's HTTPS proxy ({@code https.proxyHost}), or null
 */
record ServerFacts(String serverId, String rootUrl, String version, Path dataDirectory, ProxySettings proxy) {

    static ProxySettings jvmProxy() {
        String host = System.getProperty("https.proxyHost");
        if (host == null || host.isBlank()) {
            return null;
        }
        int port;
        try {
            port = Integer.parseInt(System.getProperty("https.proxyPort", "443").trim());
        } catch (NumberFormatException e) {
            return null;
        }
        String nonProxy = System.getProperty("http.nonProxyHosts", "");
        return new ProxySettings(host.trim(), port, null, null,
                nonProxy.isBlank() ? java.util.List.of() : java.util.List.of(nonProxy.split("\\|")));
    }

    static String withSlash(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        return url.endsWith("/") ? url : url + "/";
    }
}
