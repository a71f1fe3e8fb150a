package io.buildanalytics.shipper.check;

import io.buildanalytics.shipper.backend.EngineInfo;
import io.buildanalytics.shipper.template.TemplateStatus;
import java.util.List;

/**
 * The answer to "Test connection": one headline a person can act on, the details behind it, and what was learnt
 * about the engine. Never contains a secret.
 *
 * @param level     OK (events will flow), WARNING (they will, but something needs attention), FAILED (they will not)
 * @param headline  one sentence: what is wrong and what to do, or that all is well
 * @param details   further sentences (engine, user, template), in order
 * @param engine    the engine's product and version, when it answered
 * @param template  the index template's state, when it could be read
 */
public record ConnectionVerdict(Level level, String headline, List<String> details, EngineInfo engine,
                                TemplateStatus template) {

    public enum Level { OK, WARNING, FAILED }

    public ConnectionVerdict {
        details = List.copyOf(details);
    }

    public boolean ok() {
        return level != Level.FAILED;
    }

    /** Headline and details on one line, for a page's answer under a button. */
    public String oneLine() {
        StringBuilder text = new StringBuilder(headline);
        for (String detail : details) {
            text.append(" · ").append(detail);
        }
        return text.toString();
    }

    /** Headline and details as lines, for a page or a terminal. */
    public String describe() {
        StringBuilder text = new StringBuilder(level.name()).append(": ").append(headline);
        for (String detail : details) {
            text.append(System.lineSeparator()).append("  - ").append(detail);
        }
        return text.toString();
    }
}
