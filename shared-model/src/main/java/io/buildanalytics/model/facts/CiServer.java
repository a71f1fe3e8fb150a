package io.buildanalytics.model.facts;

/**
 * The CI server that ran the build.
 *
 * @param provider how to read its results
 * @param product  product name shown to people ("Jenkins", "TeamCity", "GitLab CI")
 * @param version  product version, if known
 * @param id       stable identity of this server installation (Jenkins instance id, TeamCity server UUID or
 *                 root URL); part of every event id, so it must not change when the admin renames the server
 * @param name     the instance name the admin chose, shown on dashboards
 * @param url      root URL of the server, if known
 */
public record CiServer(CiProvider provider, String product, String version, String id, String name, String url) {

    public CiServer {
        Checks.required(provider, "CiServer", "provider", "which CI product this is");
        product = Checks.optional(product) == null ? provider.defaultProduct() : product;
        version = Checks.optional(version);
        Checks.required(id, "CiServer", "id", "stable server identity used in event ids");
        Checks.required(name, "CiServer", "name", "the instance name shown on dashboards");
        url = Checks.optional(url);
    }
}
