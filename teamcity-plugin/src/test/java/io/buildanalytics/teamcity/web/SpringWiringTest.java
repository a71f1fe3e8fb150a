package io.buildanalytics.teamcity.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildanalytics.teamcity.HandMadeTeamCity.TestServer;
import io.buildanalytics.teamcity.listener.BuildEventsListener;
import io.buildanalytics.teamcity.runtime.TeamCityRuntime;
import io.buildanalytics.teamcity.runtime.TestRuntimes;
import java.nio.file.Path;
import jetbrains.buildServer.serverSide.SBuildServer;
import jetbrains.buildServer.serverSide.ServerPaths;
import jetbrains.buildServer.web.openapi.PluginDescriptor;
import jetbrains.buildServer.web.openapi.WebControllerManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.ClassPathXmlApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The plugin's Spring bean file loaded the way TeamCity loads it: as a child context of one holding TeamCity's
 * beans (hand-made here), with constructor autowiring. Closing the context, as unloading the plugin does, must
 * leave no listener and no thread behind.
 */
class SpringWiringTest {

    static final String BEAN_FILE = "META-INF/build-server-plugin-build-analytics.xml";

    @TempDir
    Path dataDirectory;

    @Test
    void everyBeanIsWiredFromTeamCitysBeansAndClosingTheContextCleansUp() {
        TestServer server = new TestServer();
        HandMadeWeb.Controllers controllers = new HandMadeWeb.Controllers();
        GenericApplicationContext teamcity = new GenericApplicationContext();
        teamcity.registerBean(SBuildServer.class, () -> server);
        teamcity.registerBean(ServerPaths.class, () -> new ServerPaths(dataDirectory.toString()));
        teamcity.registerBean(WebControllerManager.class, () -> controllers);
        teamcity.registerBean(PluginDescriptor.class, HandMadeWeb.Descriptor::new);
        teamcity.refresh();

        TeamCityRuntime runtime;
        try (ClassPathXmlApplicationContext plugin = new ClassPathXmlApplicationContext(new String[] {BEAN_FILE},
                teamcity)) {
            runtime = plugin.getBean(TeamCityRuntime.class);
            BuildAnalyticsAdminPage page = plugin.getBean(BuildAnalyticsAdminPage.class);

            assertThat(plugin.getBeanDefinitionCount()).isEqualTo(4);
            assertThat(server.listeners).containsExactly(plugin.getBean(BuildEventsListener.class));
            assertThat(controllers.byPath).containsOnlyKeys(SettingsController.PATH);
            assertThat(controllers.byPath.get(SettingsController.PATH))
                    .isSameAs(plugin.getBean(SettingsController.class));
            assertThat(page.getIncludeUrl()).isEqualTo("/plugins/build-analytics/adminPage.jsp");
            assertThat(page.getTabId()).isEqualTo("build-analytics");
            assertThat(runtime.statusLines().get(0)).startsWith("Not configured yet");
        }
        assertThat(server.listeners).isEmpty();
        assertThat(TestRuntimes.readerStopped(runtime)).isTrue();
        teamcity.close();
    }
}
