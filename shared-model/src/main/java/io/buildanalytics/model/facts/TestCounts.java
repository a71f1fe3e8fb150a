package io.buildanalytics.model.facts;

/** Test results of the run (JUnit results in Jenkins, test statistics in TeamCity). */
public record TestCounts(long total, long passed, long failed, long skipped) {

    public TestCounts {
        Checks.notNegative(total, "TestCounts", "total");
        Checks.notNegative(passed, "TestCounts", "passed");
        Checks.notNegative(failed, "TestCounts", "failed");
        Checks.notNegative(skipped, "TestCounts", "skipped");
        if (passed + failed + skipped > total) {
            throw new IllegalArgumentException("TestCounts: passed + failed + skipped (" + (passed + failed + skipped)
                    + ") exceeds total (" + total + ")");
        }
    }

    public static TestCounts of(long passed, long failed, long skipped) {
        return new TestCounts(passed + failed + skipped, passed, failed, skipped);
    }
}
