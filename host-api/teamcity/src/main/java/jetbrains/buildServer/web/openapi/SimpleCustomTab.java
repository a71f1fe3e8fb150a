package jetbrains.buildServer.web.openapi;

public class SimpleCustomTab extends SimplePageExtension implements CustomTab {

    private String tabTitle;

    public SimpleCustomTab(PagePlaces pagePlaces) {
        super(pagePlaces);
    }

    public void setTabTitle(String tabTitle) {
        this.tabTitle = tabTitle;
    }
}
