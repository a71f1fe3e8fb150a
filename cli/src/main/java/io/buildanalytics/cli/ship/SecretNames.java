package io.buildanalytics.cli.ship;

import io.buildanalytics.cli.CliFailure;
import io.buildanalytics.cli.ExitCode;
import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Refuses parameters whose names say they hold a secret. The plugins never send password parameters, because
 * their hosts mark them; a script has no such mark, and {@code --parameter "$(env)"}-style habits would put tokens
 * into an index that every dashboard user reads. The message names the parameter, never its value.
 */
final class SecretNames {

    private static final Pattern SECRET = Pattern.compile(
            "(?i).*(password|passwd|passphrase|secret|token|credential|api[_.-]?key|private[_.-]?key"
                    + "|(^|[_.-])auth([_.-]|$)).*");

    private SecretNames() {
    }

    static void refuse(Collection<String> names, String flag) {
        for (String name : names) {
            if (SECRET.matcher(name).matches()) {
                throw new CliFailure(ExitCode.INVALID_EVENT, flag + " " + name + ": the name looks like a secret, "
                        + "and parameters are stored in the event for everyone who can read the index to see; "
                        + "leave it out");
            }
        }
    }
}
