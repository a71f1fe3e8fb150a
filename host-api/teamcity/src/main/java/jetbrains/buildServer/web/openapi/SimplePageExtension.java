package jetbrains.buildServer.web.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;

public class SimplePageExtension implements PageExtension {

    private final PagePlaces pagePlaces;
    private final List<String> cssPaths = new ArrayList<>();
    private final List<String> jsPaths = new ArrayList<>();
    private String includeUrl;
    private String pluginName;

    public SimplePageExtension(PagePlaces pagePlaces) {
        this.pagePlaces = pagePlaces;
    }

    public void register() {
    }

    public void unregister() {
    }

    @Override
    public boolean isAvailable(HttpServletRequest request) {
        return true;
    }

    @Override
    public void fillModel(Map<String, Object> model, HttpServletRequest request) {
    }

    public void setIncludeUrl(String includeUrl) {
        this.includeUrl = includeUrl;
    }

    public void setPluginName(String pluginName) {
        this.pluginName = pluginName;
    }

    public SimplePageExtension addCssFile(String path) {
        if (!cssPaths.contains(path)) {
            cssPaths.add(path);
        }
        return this;
    }

    public SimplePageExtension addJsFile(String path) {
        if (!jsPaths.contains(path)) {
            jsPaths.add(path);
        }
        return this;
    }

    @Override
    public String getPluginName() {
        return pluginName;
    }

    @Override
    public String getIncludeUrl() {
        return includeUrl;
    }

    @Override
    public List<String> getCssPaths() {
        return cssPaths;
    }

    @Override
    public List<String> getJsPaths() {
        return jsPaths;
    }

    @Override
    public String toString() {
        return getClass().getName() + "[plugin=" + pluginName + ", include=" + includeUrl + ", places=" + pagePlaces
                + ", css=" + cssPaths + ", js=" + jsPaths + "]";
    }
}
