package io.buildanalytics.model.derive;

import io.buildanalytics.model.Fixtures;
import io.buildanalytics.model.facts.BuildFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Runs recorded one after another, each ending one hour after the previous, on one Jenkins server. */
final class Timeline {

    static final Duration STEP = Duration.ofHours(1);

    private final InMemoryHistory history = new InMemoryHistory();
    private final Map<String, Integer> numbers = new HashMap<>();
    private Instant now = Fixtures.T0;

    BuildFacts add(String job, String result) {
        return add(job, result, UnaryOperator.identity());
    }

    BuildFacts add(String job, String result, UnaryOperator<BuildFacts.Builder> customize) {
        now = now.plus(STEP);
        int number = numbers.merge(job, 1, Integer::sum);
        BuildFacts run = customize.apply(Fixtures.jenkins(job, number, result, now)).build();
        history.record(run);
        return run;
    }

    History before(BuildFacts run) {
        return history.before(run);
    }

    Instant now() {
        return now;
    }
}
