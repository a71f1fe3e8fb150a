package io.buildanalytics.cli.ship;

import picocli.CommandLine.Command;

/** Stub until written. */
@Command(name = "ship", mixinStandardHelpOptions = true, description = "Ship")
public final class ShipCommand implements Runnable {
    @Override
    public void run() {
    }
}
