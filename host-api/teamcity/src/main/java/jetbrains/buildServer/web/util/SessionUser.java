package jetbrains.buildServer.web.util;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpSession;
import jetbrains.buildServer.users.SUser;

public class SessionUser {

    private static final String DEFAULT_USER_KEY = "USER_KEY";
    private static final String CUSTOM_USER_KEY_PARAMETER = "userKey";

    private SessionUser() {
    }

    public static SUser getUser(HttpServletRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("request must not be null");
        }
        String key = request.getParameter(CUSTOM_USER_KEY_PARAMETER);
        if (key == null) {
            key = DEFAULT_USER_KEY;
        }
        SUser user = (SUser) request.getAttribute(key);
        if (user == null) {
            HttpSession session = request.getSession(false);
            user = session == null ? null : (SUser) session.getAttribute(key);
        }
        return user;
    }
}
