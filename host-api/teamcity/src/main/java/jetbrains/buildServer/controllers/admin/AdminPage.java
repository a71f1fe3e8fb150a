package jetbrains.buildServer.controllers.admin;

import javax.servlet.http.HttpServletRequest;
import jetbrains.buildServer.serverSide.auth.Permission;
import jetbrains.buildServer.users.SUser;
import jetbrains.buildServer.web.openapi.Groupable;
import jetbrains.buildServer.web.openapi.PagePlaces;
import jetbrains.buildServer.web.openapi.SimpleCustomTab;
import jetbrains.buildServer.web.util.SessionUser;

public abstract class AdminPage extends SimpleCustomTab implements Groupable {

    protected AdminPage(PagePlaces pagePlaces) {
        super(pagePlaces);
    }

    protected boolean checkHasGlobalPermission(HttpServletRequest request, Permission permission) {
        SUser user = SessionUser.getUser(request);
        return user != null && user.isPermissionGrantedGlobally(permission);
    }
}
