package io.buildanalytics.cli.demo;

import io.buildanalytics.model.facts.CiServer;
import java.util.List;

/**
 * How one demo service behaves: how much its team commits, how often its builds and deployments fail, how often it
 * ships and rolls back, how long its builds take and wait. The spread gives every DORA band something to show.
 *
 * @param commitsPerWeekday mean pushes per working day
 * @param buildFailure      chance a build fails after a green one (after a red one it is one in two: streaks)
 * @param deployChance      chance of a deployment on a working day, when there is something new to deploy
 * @param deployFailure     chance a production deployment fails
 * @param rollbackChance    chance a successful production deployment is rolled back within a day
 */
record ServiceProfile(String name, CiServer server, double commitsPerWeekday, double buildFailure,
                      double deployChance, double deployFailure, double rollbackChance, int buildMinutes,
                      int queueSeconds, int deployMinutes) {

    static final List<ServiceProfile> ALL = List.of(
            new ServiceProfile("shop", DemoHistory.JENKINS, 3.0, 0.12, 0.85, 0.05, 0.10, 9, 40, 4),
            new ServiceProfile("billing", DemoHistory.JENKINS, 2.0, 0.18, 0.40, 0.08, 0.12, 14, 90, 6),
            new ServiceProfile("inventory", DemoHistory.JENKINS, 1.5, 0.10, 0.30, 0.05, 0.08, 11, 60, 5),
            new ServiceProfile("search", DemoHistory.JENKINS, 1.2, 0.22, 0.10, 0.10, 0.15, 18, 150, 7),
            new ServiceProfile("cart", DemoHistory.TEAMCITY, 2.5, 0.10, 0.75, 0.04, 0.08, 16, 200, 5),
            new ServiceProfile("payments", DemoHistory.TEAMCITY, 1.8, 0.15, 0.35, 0.06, 0.12, 22, 240, 8),
            new ServiceProfile("notifications", DemoHistory.TEAMCITY, 1.0, 0.12, 0.12, 0.05, 0.10, 7, 30, 3));

    boolean jenkins() {
        return server == DemoHistory.JENKINS;
    }

    /** TeamCity's project and configuration ids are capitalised: Cart, Cart_Build. */
    String teamCityProject() {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
