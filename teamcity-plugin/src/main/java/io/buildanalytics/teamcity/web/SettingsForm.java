package io.buildanalytics.teamcity.web;

import io.buildanalytics.teamcity.settings.TeamCitySettings;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;

/**
 * Reads the page's form into settings. The secret is never sent to the browser, so an empty secret field means
 * "keep the saved one" unless the admin ticked "clear".
 */
final class SettingsForm {

    private SettingsForm() {
    }

    static TeamCitySettings read(HttpServletRequest request, TeamCitySettings saved) {
        Map<String, String> values = new LinkedHashMap<>(saved.values());
        for (String field : saved.values().keySet()) {
            if (field.equals(TeamCitySettings.SECRET)) {
                continue;
            }
            String value = request.getParameter(field);
            if (value != null) {
                values.put(field, value);
            }
        }
        String secret = request.getParameter(TeamCitySettings.SECRET);
        if ("true".equals(request.getParameter("clearSecret"))) {
            values.put(TeamCitySettings.SECRET, "");
        } else if (secret != null && !secret.isEmpty()) {
            values.put(TeamCitySettings.SECRET, secret);
        }
        return TeamCitySettings.of(values);
    }

    /** The values the page shows: everything but the secret, and whether one is saved. */
    static Map<String, Object> shown(TeamCitySettings settings) {
        Map<String, Object> shown = new LinkedHashMap<>(settings.values());
        shown.remove(TeamCitySettings.SECRET);
        shown.put("secretSet", settings.hasSecret());
        return shown;
    }
}
