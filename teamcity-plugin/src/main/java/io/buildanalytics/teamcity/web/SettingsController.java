package io.buildanalytics.teamcity.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.buildanalytics.shipper.backfill.BackfillProgress;
import io.buildanalytics.shipper.backfill.BackfillRequest;
import io.buildanalytics.shipper.check.ConnectionVerdict;
import io.buildanalytics.shipper.settings.FieldChecks;
import io.buildanalytics.teamcity.runtime.TeamCityRuntime;
import io.buildanalytics.teamcity.settings.TeamCitySettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import jetbrains.buildServer.controllers.BaseController;
import jetbrains.buildServer.serverSide.auth.Permission;
import jetbrains.buildServer.users.SUser;
import jetbrains.buildServer.web.openapi.WebControllerManager;
import jetbrains.buildServer.web.util.SessionUser;
import org.springframework.web.servlet.ModelAndView;

/**
 * The administration page's actions, as JSON: {@code save}, {@code check} (one field as typed), {@code test}
 * (connection), {@code backfill} and {@code status}. Every action needs the "Change server settings" permission,
 * and all but {@code status} are POST only; TeamCity itself rejects a POST without the page's CSRF token before it
 * reaches this controller.
 */
public final class SettingsController extends BaseController {

    public static final String PATH = "/admin/build-analytics/settings.html";

    private static final Logger LOGGER = Logger.getLogger(SettingsController.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TeamCityRuntime runtime;

    public SettingsController(WebControllerManager controllers, TeamCityRuntime runtime) {
        this.runtime = runtime;
        controllers.registerController(PATH, this);
    }

    @Override
    protected ModelAndView doHandle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SUser user = SessionUser.getUser(request);
        if (user == null || !user.isPermissionGrantedGlobally(Permission.CHANGE_SERVER_SETTINGS)) {
            write(response, HttpServletResponse.SC_FORBIDDEN, answer(false, "You need the permission to change "
                    + "server settings."));
            return null;
        }
        String action = request.getParameter("action");
        if (!"status".equals(action) && !isPost(request)) {
            response.setHeader("Allow", "POST");
            write(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, answer(false, "Use POST."));
            return null;
        }
        Map<String, Object> body;
        try {
            body = switch (action == null ? "" : action) {
                case "save" -> save(request);
                case "check" -> check(request);
                case "test" -> test(request);
                case "backfill" -> backfill(request);
                case "status" -> answer(true, null);
                default -> answer(false, "Unknown action.");
            };
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "Build Analytics settings action '" + action + "' failed", e);
            body = answer(false, "Unexpected error: " + e.getMessage());
        }
        write(response, HttpServletResponse.SC_OK, body);
        return null;
    }

    private Map<String, Object> save(HttpServletRequest request) {
        TeamCitySettings next = SettingsForm.read(request, runtime.settings());
        try {
            runtime.save(next);
            return answer(true, "Saved.");
        } catch (FieldChecks.InvalidField e) {
            Map<String, Object> body = answer(false, e.getMessage());
            body.put("field", e.field());
            return body;
        } catch (IllegalArgumentException e) {
            return answer(false, e.getMessage());
        } catch (IOException e) {
            return answer(false, "The settings could not be written: " + e.getMessage());
        }
    }

    private Map<String, Object> check(HttpServletRequest request) {
        String field = request.getParameter("field");
        if (field == null || !FieldChecks.FIELDS.contains(field) && !"awsRegion".equals(field)) {
            return answer(false, "Unknown field.");
        }
        try {
            if ("awsRegion".equals(field)) {
                FieldChecks.checkAwsRegion(request.getParameter("value"), request.getParameter("backend"));
            } else {
                FieldChecks.check(field, request.getParameter("value"));
            }
            return answer(true, null);
        } catch (IllegalArgumentException e) {
            Map<String, Object> body = answer(false, e.getMessage());
            body.put("field", field);
            return body;
        }
    }

    private Map<String, Object> test(HttpServletRequest request) {
        ConnectionVerdict verdict = runtime.testConnection(SettingsForm.read(request, runtime.settings()));
        Map<String, Object> body = answer(verdict.ok(), verdict.oneLine());
        body.put("level", verdict.level().name());
        return body;
    }

    private Map<String, Object> backfill(HttpServletRequest request) {
        try {
            String days = request.getParameter("backfillDays");
            BackfillRequest backfill = new BackfillRequest(request.getParameter("backfillPattern"),
                    days == null || days.isBlank() ? 0 : Integer.parseInt(days.trim()));
            BackfillProgress progress = runtime.startBackfill(backfill);
            return answer(true, progress.summary());
        } catch (NumberFormatException e) {
            return answer(false, "Enter a whole number of days (0 for all).");
        } catch (IllegalArgumentException | IllegalStateException e) {
            return answer(false, e.getMessage());
        }
    }

    private Map<String, Object> answer(boolean ok, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", ok);
        if (message != null) {
            body.put("message", message);
        }
        body.put("status", runtime.statusLines());
        return body;
    }

    private static void write(HttpServletResponse response, int status, Map<String, Object> body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(JSON.writeValueAsString(body));
    }
}
