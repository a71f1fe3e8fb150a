package jetbrains.buildServer.web.openapi;

import org.springframework.web.servlet.mvc.Controller;

public interface WebControllerManager extends PagePlaces {

    void registerController(String path, Controller controller);
}
