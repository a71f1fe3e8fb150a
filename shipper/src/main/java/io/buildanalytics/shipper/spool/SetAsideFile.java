package io.buildanalytics.shipper.spool;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A spool file that could not be read when the spool opened, renamed so that the spool could start empty instead
 * of keeping the CI server's plugin from starting. Its records were not delivered; the file stays for an admin.
 *
 * @param original the spool file's name, now free again
 * @param movedTo  where the unreadable file is now
 * @param movedAt  when it was moved
 * @param reason   what went wrong reading it, as the storage engine said
 */
public record SetAsideFile(Path original, Path movedTo, Instant movedAt, String reason) {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    public SetAsideFile {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(movedTo, "movedTo");
        Objects.requireNonNull(movedAt, "movedAt");
        Objects.requireNonNull(reason, "reason");
    }

    /** One sentence for the log and the status page. */
    public String message() {
        return "The spool file " + original + " could not be read (" + reason + "); it was moved to " + movedTo
                + " on " + movedAt + " and the spool started empty, so the build events it held were not sent.";
    }

    /** Renames {@code file} to {@code <name>.unreadable-<UTC time>} next to it. */
    static SetAsideFile moveAside(Path file, Throwable whyUnreadable) throws SpoolException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String base = file.getFileName() + ".unreadable-" + STAMP.format(now);
        Path target = file.resolveSibling(base);
        for (int attempt = 2; Files.exists(target); attempt++) {
            target = file.resolveSibling(base + "-" + attempt);
        }
        try {
            try {
                Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(file, target);
            }
        } catch (IOException e) {
            throw new SpoolException("The spool file " + file + " could not be read (" + describe(whyUnreadable)
                    + ") and could not be moved aside either (" + e + "); move or delete it by hand.", e);
        }
        return new SetAsideFile(file, target, now, describe(whyUnreadable));
    }

    private static String describe(Throwable problem) {
        String message = problem.getMessage();
        return message == null || message.isBlank() ? problem.getClass().getSimpleName() : message;
    }
}
