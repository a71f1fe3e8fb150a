package io.buildanalytics.model.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The mapping table of metrics-and-dashboards.md §2.4, with our one deliberate change (timeouts fail on both hosts). */
class ResultMappingTest {

    @ParameterizedTest(name = "{0} {1} {2} -> {3} / {4}")
    @CsvSource({
        "JENKINS,  SUCCESS,   ,               SUCCESS,      SUCCESS",
        "JENKINS,  UNSTABLE,  ,               FAILURE,      FAILURE",
        "JENKINS,  FAILURE,   ,               FAILURE,      FAILURE",
        "JENKINS,  FAILURE,   INFRASTRUCTURE, ERROR,        FAILURE",
        "JENKINS,  ABORTED,   ,               CANCELLATION, UNKNOWN",
        "JENKINS,  ABORTED,   TIMEOUT,        TIMEOUT,      FAILURE",
        "JENKINS,  ABORTED,   INFRASTRUCTURE, ERROR,        FAILURE",
        "JENKINS,  NOT_BUILT, ,               SKIP,         UNKNOWN",
        "JENKINS,  WEIRD,     ,               FAILURE,      FAILURE",
        "TEAMCITY, NORMAL,    ,               SUCCESS,      SUCCESS",
        "TEAMCITY, SUCCESS,   ,               SUCCESS,      SUCCESS",
        "TEAMCITY, WARNING,   ,               SUCCESS,      SUCCESS",
        "TEAMCITY, FAILURE,   ,               FAILURE,      FAILURE",
        "TEAMCITY, ERROR,     ,               ERROR,        FAILURE",
        "TEAMCITY, FAILURE,   INFRASTRUCTURE, ERROR,        FAILURE",
        "TEAMCITY, UNKNOWN,   CANCELED,       CANCELLATION, UNKNOWN",
        "TEAMCITY, FAILURE,   CANCELED,       CANCELLATION, UNKNOWN",
        "TEAMCITY, UNKNOWN,   ,               CANCELLATION, UNKNOWN",
        "TEAMCITY, FAILURE,   TIMEOUT,        TIMEOUT,      FAILURE",
        "GENERIC,  passed,    ,               SUCCESS,      SUCCESS",
        "GENERIC,  cancelled, ,               CANCELLATION, UNKNOWN",
        "GENERIC,  timed_out, ,               TIMEOUT,      FAILURE",
        "GENERIC,  failed,    INFRASTRUCTURE, ERROR,        FAILURE",
        "GENERIC,  skipped,   ,               SKIP,         UNKNOWN",
    })
    void hostResultsMapToOneVocabulary(CiProvider provider, String raw, ResultHint hint, PipelineResult result,
                                       Outcome outcome) {
        Set<ResultHint> hints = hint == null ? Set.of() : EnumSet.of(hint);
        PipelineResult mapped = ResultMapping.map(provider, new HostResult(raw, hints));

        assertThat(mapped).isEqualTo(result);
        assertThat(mapped.outcome()).isEqualTo(outcome);
    }
}
