package jetbrains.buildServer.web.openapi;

public class SimpleCustomTab extends SimplePageExtension implements CustomTab {

    private String tabTitle;

    public SimpleCustomTab(PagePlaces pagePlaces) {
        super(pagePlaces);
    }

    public void setTabTitle(String tabTitle) {
        this.tabTitle = tabTitle;
    }

    /** The plugin name: TeamCity's admin page URL is {@code /admin/admin.html?item=<tab id>}. */
    public final String getTabId() {
        return getPluginName();
    }

    public String getTabTitle() {
        return tabTitle;
    }
}
