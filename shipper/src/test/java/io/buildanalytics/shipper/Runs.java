package io.buildanalytics.shipper;

import io.buildanalytics.model.Fixtures;
import io.buildanalytics.model.facts.BuildFacts;
import io.buildanalytics.model.schema.EventIdentity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Numbered finished runs of one Jenkins job, a minute apart, all in March 2026 (one monthly index). */
final class Runs {

    private Runs() {
    }

    static List<BuildFacts> of(String job, int count) {
        List<BuildFacts> runs = new ArrayList<>(count);
        for (int number = 1; number <= count; number++) {
            runs.add(run(job, number));
        }
        return runs;
    }

    static BuildFacts run(String job, int number) {
        return Fixtures.jenkins(job, number, number % 7 == 0 ? "FAILURE" : "SUCCESS",
                Fixtures.T0.plus(Duration.ofMinutes(number))).build();
    }

    static Set<String> ids(List<BuildFacts> runs) {
        Set<String> ids = new LinkedHashSet<>();
        for (BuildFacts run : runs) {
            ids.add(EventIdentity.pipelineRunId(run));
        }
        return ids;
    }
}
