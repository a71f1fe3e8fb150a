package io.buildanalytics.cli.ship;

import io.buildanalytics.shipper.spool.MvStoreSpool;
import java.nio.file.Path;

/**
 * Another process holding a data directory's spool, as a concurrent {@code ship} run would: opens it, prints
 * {@code OPEN}, and closes it when a line (or the end) arrives on standard input.
 */
public final class SpoolHolderMain {

    private SpoolHolderMain() {
    }

    public static void main(String[] args) throws Exception {
        MvStoreSpool spool = MvStoreSpool.open(Path.of(args[0]).resolve("spool"), 1024 * 1024);
        try {
            System.out.println("OPEN");
            System.out.flush();
            System.in.read();
        } finally {
            spool.close();
        }
    }
}
