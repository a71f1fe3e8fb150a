package io.buildanalytics.cli.ship;

import io.buildanalytics.model.facts.Commit;
import picocli.CommandLine;

/**
 * Reads {@code --commit ID@TIME} (or just {@code ID} when the time is unknown), the shape
 * {@code git log --format=%H@%cI} prints. The time is what lead time is measured from.
 */
public final class CommitConverter implements CommandLine.ITypeConverter<Commit> {

    @Override
    public Commit convert(String value) {
        int at = value.lastIndexOf('@');
        String id = (at < 0 ? value : value.substring(0, at)).trim();
        if (id.isEmpty()) {
            throw new CommandLine.TypeConversionException("'" + value + "' has no commit id: use ID@TIME, such as "
                    + "9fceb02@" + TimeConverter.EXAMPLE);
        }
        return new Commit(id, at < 0 ? null : TimeConverter.parse(value.substring(at + 1)));
    }
}
