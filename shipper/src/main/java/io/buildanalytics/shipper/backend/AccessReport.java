package io.buildanalytics.shipper.backend;

import java.util.List;

/**
 * The engine's answer to "who am I and what may I do", for the connection test.
 *
 * @param user                    the authenticated principal's name as the engine knows it
 * @param missingWritePrivileges  index privileges delivery needs and lacks, in the engine's words
 *                                (e.g. {@code index 'cicd-events-*': index}); empty when events can be written
 * @param canManageTemplates      whether the user may install the index template (cluster
 *                                {@code manage_index_templates}); without it an admin must install the template
 */
public record AccessReport(String user, List<String> missingWritePrivileges, boolean canManageTemplates) {
    public AccessReport {
        missingWritePrivileges = List.copyOf(missingWritePrivileges);
    }

    public boolean canWrite() {
        return missingWritePrivileges.isEmpty();
    }
}
