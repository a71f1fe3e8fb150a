package io.buildanalytics.shipper.spool;

import java.util.HashMap;
import org.h2.mvstore.SingleFileStore;

/**
 * MVStore's single-file store without fsync.
 *
 * <p>MVStore calls fsync on its own whenever a commit lets the file shrink (before truncating it), which with one
 * commit per record is several percent of all appends, each then waiting for the disk: milliseconds on a CI
 * server's busy disk, in the build's thread. fsync only matters for power loss, which the spool does not promise
 * to survive; after {@code kill -9} the kernel still has every completed write, in order.
 */
final class UnsyncedFileStore extends SingleFileStore {

    UnsyncedFileStore() {
        // Default cache and page sizes.
        super(new HashMap<>());
    }

    @Override
    public void sync() {
        // Deliberately nothing: see the class comment.
    }
}
