package jetbrains.buildServer.controllers;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.AbstractController;

public abstract class BaseController extends AbstractController {

    protected BaseController() {
        setCacheSeconds(0);
    }

    @Override
    public final ModelAndView handleRequestInternal(HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        return doHandle(request, response);
    }

    protected abstract ModelAndView doHandle(HttpServletRequest request, HttpServletResponse response)
            throws Exception;

    protected boolean isPost(HttpServletRequest request) {
        return "POST".equals(request.getMethod());
    }
}
