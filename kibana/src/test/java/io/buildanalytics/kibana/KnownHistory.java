package io.buildanalytics.kibana;

import io.buildanalytics.model.Fixtures;
import io.buildanalytics.model.derive.DeploymentRules;
import io.buildanalytics.model.derive.InMemoryHistory;
import io.buildanalytics.model.derive.NamePatternRule;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.facts.Commit;
import io.buildanalytics.model.facts.DeploymentDeclaration;
import io.buildanalytics.model.facts.TestCounts;
import io.buildanalytics.shipper.HistoryLookup;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Three weeks of Jenkins and TeamCity history whose dashboard numbers were worked out by hand. The dashboards'
 * time filter is {@link #FROM} to {@link #TO}: Monday 2 March to Sunday 22 March 2026, three whole weeks.
 *
 * <pre>
 * Production deployments that succeeded (week of Mar 2 | Mar 9 | Mar 16):
 *   shop    (Jenkins shop/deploy-prod, by name pattern)  D1 Mar 3, D2 Mar 5 | D4 Mar 9, D5 Mar 10, D6 Mar 11 | D7 Mar 17, D8 Mar 19
 *           D3 Mar 9 10:00 failed; P0 Feb 27 is outside the filter (it is D1's predecessor)
 *   billing (Jenkins billing/deploy-prod)                -                  | B1 Mar 13                   | -
 *   cart    (TeamCity Cart_Deploy, declared)              C1 Mar 2, C2 Mar 6 | C3 Mar 12                  | C4 Mar 16, C5 Mar 18, C6 Mar 20
 *   per week 4 | 5 | 5 = 14; Jenkins 8, TeamCity 6; deployment days per week 4 | 5 | 5, median 5 (Elite)
 *   per service deployment days per week: shop 2 | 3 | 2 (median 2, High), cart 2 | 1 | 3 (2, High),
 *     billing 0 | 1 | 0 (median 0, but 1 day in 21 days = 1.4 per 30 days: Medium)
 * Lead times in hours, one per commit (first deployments C1 and B1 have no predecessor, so none):
 *   D1 1 4, D2 4, D4 2 10 (10 is the failed D3's commit), D6 4, D7 24 24, D8 4 4; C2 6, C3 2 6, C4 24, C6 24
 *   shop 1 2 4 4 4 4 4 10 24 24: median 4, p90 24; cart 2 6 6 24 24: median 6, p90 24; Jenkins = shop
 *   all 15: median 4, p90 24; per week: 1 4 4 6 (median 4) | 2 2 4 6 10 (4) | 4 4 24 24 24 24 (24)
 *   commits deployed per week 4 | 5 | 6
 * Rollbacks (CI-derived change failures): D5 redeploys v2 after D4's v3: D4 failed, recovered in 20 h;
 *   C5 redeploys 1.2 after C4's 1.3: C4 failed, recovered in 48 h.
 *   change failure rate 2/14 = 14.3 % (Medium); shop 1/7, cart 1/6, billing 0/1; per week 0/4 | 1/5 | 1/5
 *   recovery median (20 + 48) / 2 = 34 h (Medium)
 * Staging: shop/deploy-staging S Mar 3, F Mar 9, S Mar 17.
 * Build failure rate (cancelled and personal builds left out):
 *   shop/build      S S F F S S S F S S S S, then one aborted: 3/12; turned red twice, in red 72 h and 36 h;
 *                   the success after the second failure built the same revision (flaky suspect)
 *   billing/build   S U S F S U S S (U = unstable, tests failed): 3/8, in red 60 h three times
 *   shop/deploy-prod 1/8, shop/deploy-staging 1/3 (in red 192 h), billing/deploy-prod 0/1
 *   Cart_Build      S S F S S E S S S S (E = TeamCity error): 2/10, in red 48 h twice, flaky after the error;
 *                   a failed personal build on Mar 21 is left out
 *   Cart_Deploy     0/6
 *   flaky suspects: shop/build, Cart_Build, and shop/deploy-prod (D4 redeployed the failed D3's revision v3)
 *   Jenkins 8/32 = 25 %, TeamCity 2/16 = 12.5 %, all 10/48 = 20.8 %
 *   projects: shop 5/23, billing 3/9, Shop (TeamCity) 2/16
 *   failure classes: build_failure 7, test_failure 2, ci_error 1
 * Durations (minutes, queue in brackets): shop/build 8 (1), billing/build 12 (2), Jenkins deployments 3 (0.5),
 *   Cart_Build 20 (5), Cart_Deploy 4 (1).
 * </pre>
 */
public final class KnownHistory {

    public static final Instant FROM = Instant.parse("2026-03-02T00:00:00Z");
    public static final Instant TO = Instant.parse("2026-03-22T23:59:59.999Z");

    /** Jenkins deployments are recognised by name: {@code <service>/deploy-prod}, {@code <service>/deploy-staging}. */
    public static final DeploymentRules RULES =
            DeploymentRules.of(List.of(NamePatternRule.of("deploy-(?<environment>prod|staging)", null, null)));

    private static final Instant MAR_2 = FROM;

    private KnownHistory() {
    }

    /** Every run, oldest first. */
    public static List<BuildFacts> runs() {
        List<BuildFacts> runs = new ArrayList<>();
        addShopBuilds(runs);
        addBillingBuilds(runs);
        addCartBuilds(runs);
        addShopDeployments(runs);
        addCartDeployments(runs);
        runs.add(jenkinsDeploy("billing/deploy-prod", 1, "SUCCESS", "b1", at(11, 10)));
        runs.add(jenkinsDeploy("shop/deploy-staging", 1, "SUCCESS", "v1", at(1, 8)));
        runs.add(jenkinsDeploy("shop/deploy-staging", 2, "FAILURE", "v3", at(7, 8)));
        runs.add(jenkinsDeploy("shop/deploy-staging", 3, "SUCCESS", "v5", at(15, 8)));
        runs.sort(Comparator.comparing(BuildFacts::finishedAt));
        return runs;
    }

    /** The history the shipper asks for when it derives each run's event, as a plugin's history reader would. */
    public static HistoryLookup historyLookup(List<BuildFacts> runs) {
        InMemoryHistory history = new InMemoryHistory();
        runs.forEach(history::record);
        return history::before;
    }

    private static void addShopBuilds(List<BuildFacts> runs) {
        String[] results = {"SUCCESS", "SUCCESS", "FAILURE", "FAILURE", "SUCCESS", "SUCCESS", "SUCCESS", "FAILURE",
            "SUCCESS", "SUCCESS", "SUCCESS", "SUCCESS", "ABORTED"};
        for (int i = 0; i < results.length; i++) {
            Instant end = MAR_2.plus(Duration.ofHours(6 + 36L * i));
            // Run 8 rebuilt run 7's revision and passed: a flaky suspect.
            String revision = "s" + (i == 8 ? 7 : i);
            runs.add(timed(Fixtures.jenkins("shop/build", i + 1, results[i], end), end, 8, 60)
                    .vcs(Fixtures.git(revision)).build());
        }
    }

    private static void addBillingBuilds(List<BuildFacts> runs) {
        String[] results = {"SUCCESS", "UNSTABLE", "SUCCESS", "FAILURE", "SUCCESS", "UNSTABLE", "SUCCESS", "SUCCESS"};
        for (int i = 0; i < results.length; i++) {
            Instant end = MAR_2.plus(Duration.ofHours(12 + 60L * i));
            BuildFacts.Builder run = timed(Fixtures.jenkins("billing/build", i + 1, results[i], end), end, 12, 120)
                    .vcs(Fixtures.git("b" + i));
            if (results[i].equals("UNSTABLE")) {
                run.tests(TestCounts.of(40, 2, 0));
            }
            runs.add(run.build());
        }
    }

    private static void addCartBuilds(List<BuildFacts> runs) {
        String[] statuses = {"NORMAL", "NORMAL", "FAILURE", "NORMAL", "NORMAL", "ERROR", "NORMAL", "NORMAL", "NORMAL",
            "NORMAL"};
        for (int i = 0; i < statuses.length; i++) {
            Instant end = MAR_2.plus(Duration.ofHours(18 + 48L * i));
            // Build 6 rebuilt build 5's revision after TeamCity's error and passed: a flaky suspect.
            String revision = "c" + (i == 6 ? 5 : i);
            runs.add(timed(Fixtures.teamcity("Cart_Build", 100 + i, statuses[i], end), end, 20, 300)
                    .vcs(Fixtures.git(revision)).build());
        }
        Instant personal = at(19, 9);
        runs.add(timed(Fixtures.teamcity("Cart_Build", 199, "FAILURE", personal), personal, 20, 300)
                .vcs(Fixtures.git("c-personal")).personal(true).build());
    }

    private static void addShopDeployments(List<BuildFacts> runs) {
        runs.add(jenkinsDeploy("shop/deploy-prod", 1, "SUCCESS", "v0", Instant.parse("2026-02-27T10:00:00Z")));
        runs.add(jenkinsDeploy("shop/deploy-prod", 2, "SUCCESS", "v1", at(1, 10), "a1", 1, "a2", 4));
        runs.add(jenkinsDeploy("shop/deploy-prod", 3, "SUCCESS", "v2", at(3, 10), "a3", 4));
        // D3 fails; its commit a4 (made at 04:00) reaches production with D4 at 14:00: 10 h.
        runs.add(jenkinsDeploy("shop/deploy-prod", 4, "FAILURE", "v3", at(7, 10), "a4", 6));
        runs.add(jenkinsDeploy("shop/deploy-prod", 5, "SUCCESS", "v3", at(7, 14), "a5", 2));
        runs.add(jenkinsDeploy("shop/deploy-prod", 6, "SUCCESS", "v2", at(8, 10)));
        runs.add(jenkinsDeploy("shop/deploy-prod", 7, "SUCCESS", "v4", at(9, 10), "a6", 4));
        runs.add(jenkinsDeploy("shop/deploy-prod", 8, "SUCCESS", "v5", at(15, 10), "a7", 24, "a8", 24));
        runs.add(jenkinsDeploy("shop/deploy-prod", 9, "SUCCESS", "v6", at(17, 10), "a9", 4, "a10", 4));
    }

    private static void addCartDeployments(List<BuildFacts> runs) {
        runs.add(cartDeploy(201, "1.0", at(0, 12)));
        runs.add(cartDeploy(202, "1.1", at(4, 12), "k1", 6));
        runs.add(cartDeploy(203, "1.2", at(10, 12), "k2", 2, "k3", 6));
        runs.add(cartDeploy(204, "1.3", at(14, 12), "k4", 24));
        runs.add(cartDeploy(205, "1.2", at(16, 12)));
        runs.add(cartDeploy(206, "1.4", at(18, 12), "k5", 24));
    }

    /** March {@code 2 + days} at {@code hour}:00 UTC. */
    private static Instant at(int days, int hour) {
        return MAR_2.plus(Duration.ofDays(days)).plus(Duration.ofHours(hour));
    }

    private static BuildFacts jenkinsDeploy(String job, int number, String result, String revision, Instant end,
                                            Object... commits) {
        return timed(Fixtures.jenkins(job, number, result, end), end, 3, 30).vcs(Fixtures.git(revision))
                .commits(commits(end, commits)).build();
    }

    private static BuildFacts cartDeploy(long buildId, String version, Instant end, Object... commits) {
        return timed(Fixtures.teamcity("Cart_Deploy", buildId, "NORMAL", end), end, 4, 60)
                .vcs(Fixtures.git("cart-" + version))
                .deployment(new DeploymentDeclaration(DeploymentDeclaration.Source.EXPLICIT,
                        "teamcity-deployment-type", "production", "cart", version))
                .commits(commits(end, commits)).build();
    }

    private static BuildFacts.Builder timed(BuildFacts.Builder run, Instant end, int minutes, int queueSeconds) {
        Instant start = end.minus(Duration.ofMinutes(minutes));
        return run.startedAt(start).queuedAt(start.minus(Duration.ofSeconds(queueSeconds)));
    }

    /** Commits given as id, hours-before-the-end pairs. */
    private static List<Commit> commits(Instant end, Object... idAndHours) {
        List<Commit> commits = new ArrayList<>();
        for (int i = 0; i < idAndHours.length; i += 2) {
            commits.add(new Commit((String) idAndHours[i], end.minus(Duration.ofHours((Integer) idAndHours[i + 1]))));
        }
        return commits;
    }
}
