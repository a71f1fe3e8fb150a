package io.buildanalytics.teamcity.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jetbrains.buildServer.users.SUser;
import jetbrains.buildServer.web.openapi.PluginDescriptor;
import jetbrains.buildServer.web.openapi.WebControllerManager;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.mvc.Controller;

/** TeamCity's web beans, hand-made: controllers by path, the plugin's resource paths, a signed-in user. */
public final class HandMadeWeb {

    private HandMadeWeb() {
    }

    public static final class Controllers implements WebControllerManager {
        public final Map<String, Controller> byPath = new ConcurrentHashMap<>();

        @Override
        public void registerController(String path, Controller controller) {
            byPath.put(path, controller);
        }
    }

    public static final class Descriptor implements PluginDescriptor {
        @Override
        public String getPluginName() {
            return BuildAnalyticsAdminPage.PLUGIN_NAME;
        }

        @Override
        public String getPluginResourcesPath(String relativePath) {
            return "/plugins/" + getPluginName() + "/" + relativePath;
        }
    }

    /** A request from a signed-in user, as TeamCity's SessionUser finds it (the USER_KEY attribute). */
    public static MockHttpServletRequest request(String method, SUser user, String... parameters) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, SettingsController.PATH);
        if (user != null) {
            request.setAttribute("USER_KEY", user);
        }
        for (int i = 0; i + 1 < parameters.length; i += 2) {
            request.addParameter(parameters[i], parameters[i + 1]);
        }
        return request;
    }
}
