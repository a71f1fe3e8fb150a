package jetbrains.buildServer.web.openapi;

import java.util.List;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;

public interface PageExtension {

    String getPluginName();

    String getIncludeUrl();

    List<String> getCssPaths();

    List<String> getJsPaths();

    boolean isAvailable(HttpServletRequest request);

    void fillModel(Map<String, Object> model, HttpServletRequest request);
}
