package io.buildanalytics.shipper.backend;

import java.util.List;

/**
 * The engine's answer to "who am I and what may I do", for the connection test.
 *
 * @param user               the authenticated principal's name as the engine knows it
 * @param missingPrivileges  privileges the shipper needs and lacks, in the engine's own words
 *                           (e.g. {@code index 'cicd-events-*': create_doc}, {@code cluster: manage_index_templates});
 *                           empty when everything needed is granted
 */
public record AccessReport(String user, List<String> missingPrivileges) {
    public AccessReport {
        missingPrivileges = List.copyOf(missingPrivileges);
    }

    public boolean sufficient() {
        return missingPrivileges.isEmpty();
    }
}
