package jetbrains.buildServer.web.openapi;

import java.util.Map;
import javax.servlet.http.HttpServletRequest;

public interface PageExtension {

    boolean isAvailable(HttpServletRequest request);

    void fillModel(Map<String, Object> model, HttpServletRequest request);
}
