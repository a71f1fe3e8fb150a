package io.buildanalytics.teamcity.web;

import io.buildanalytics.shipper.settings.Backend;
import io.buildanalytics.teamcity.runtime.TeamCityRuntime;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import jetbrains.buildServer.controllers.admin.AdminPage;
import jetbrains.buildServer.serverSide.auth.Permission;
import jetbrains.buildServer.web.openapi.Groupable;
import jetbrains.buildServer.web.openapi.PagePlaces;
import jetbrains.buildServer.web.openapi.PluginDescriptor;
import org.springframework.beans.factory.DisposableBean;

/**
 * The "Build Analytics" tab under Administration » Integrations ({@code /admin/admin.html?item=build-analytics}),
 * shown only to users who may change server settings. The JSP renders the saved values and the status block; the
 * page's script talks to {@link SettingsController}.
 */
public final class BuildAnalyticsAdminPage extends AdminPage implements DisposableBean {

    /** The plugin's name: the zip's name, the descriptor's {@code <name>}, the tab id and the resources path. */
    public static final String PLUGIN_NAME = "build-analytics";
    static final String JSP = "adminPage.jsp";
    static final String SCRIPT = "buildAnalytics.js";
    static final String STYLE = "buildAnalytics.css";

    private final TeamCityRuntime runtime;

    public BuildAnalyticsAdminPage(PagePlaces places, PluginDescriptor descriptor, TeamCityRuntime runtime) {
        super(places);
        this.runtime = runtime;
        setPluginName(PLUGIN_NAME);
        setIncludeUrl(descriptor.getPluginResourcesPath(JSP));
        setTabTitle("Build Analytics");
        addJsFile(descriptor.getPluginResourcesPath(SCRIPT));
        addCssFile(descriptor.getPluginResourcesPath(STYLE));
        register();
    }

    @Override
    public boolean isAvailable(HttpServletRequest request) {
        return super.isAvailable(request) && checkHasGlobalPermission(request, Permission.CHANGE_SERVER_SETTINGS);
    }

    /**
     * Administration » Integrations. The constant is read from TeamCity (it is not inlined); its presence is
     * verified in 8.1 and seen in later plugins only, so a server without it still gets the page, under the same name.
     */
    @Override
    public String getGroup() {
        try {
            return Groupable.INTEGRATIONS_GROUP;
        } catch (LinkageError e) {
            return "Integrations";
        }
    }

    @Override
    public void fillModel(Map<String, Object> model, HttpServletRequest request) {
        super.fillModel(model, request);
        model.put("buildAnalyticsSettings", SettingsForm.shown(runtime.settings()));
        model.put("buildAnalyticsStatus", runtime.statusLines());
        model.put("buildAnalyticsBackends", backends());
        model.put("buildAnalyticsActionUrl", SettingsController.PATH);
    }

    private static Map<String, String> backends() {
        Map<String, String> backends = new LinkedHashMap<>();
        for (Backend backend : Backend.values()) {
            backends.put(backend.id(), backend.displayName());
        }
        return backends;
    }

    @Override
    public void destroy() {
        unregister();
    }
}
