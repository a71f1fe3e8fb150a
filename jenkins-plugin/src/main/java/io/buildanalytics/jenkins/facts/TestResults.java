package io.buildanalytics.jenkins.facts;

import hudson.model.Action;
import hudson.model.Run;
import io.buildanalytics.model.facts.TestCounts;

/**
 * Test counts from the JUnit plugin's result action (or any action extending its base class, as other test
 * report plugins do), read by name: the counts are stored with the build, so this reads no report file.
 */
final class TestResults {

    static final String TEST_RESULT_ACTION = "hudson.tasks.test.AbstractTestResultAction";

    private TestResults() {
    }

    static TestCounts of(Run<?, ?> run) {
        long total = 0;
        long failed = 0;
        long skipped = 0;
        boolean found = false;
        for (Action action : run.getAllActions()) {
            if (!Reflection.isA(action, TEST_RESULT_ACTION)) {
                continue;
            }
            long actionTotal = Reflection.number(action, "getTotalCount").orElse(-1L);
            if (actionTotal < 0) {
                continue;
            }
            found = true;
            total += actionTotal;
            failed += Math.max(0, Reflection.number(action, "getFailCount").orElse(0L));
            skipped += Math.max(0, Reflection.number(action, "getSkipCount").orElse(0L));
        }
        if (!found) {
            return null;
        }
        // A plugin that reports more failures and skips than tests is not believed beyond its total.
        failed = Math.min(failed, total);
        skipped = Math.min(skipped, total - failed);
        return new TestCounts(total, total - failed - skipped, failed, skipped);
    }
}
