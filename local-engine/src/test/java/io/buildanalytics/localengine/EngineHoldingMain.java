package io.buildanalytics.localengine;

/**
 * Run in a child JVM by {@link WatchdogKillIT}: starts one node, reports it on stdout, then waits to be killed.
 * It deliberately never closes the node: the point is what happens when nobody can.
 */
public final class EngineHoldingMain {

    static final String REPORT_PREFIX = "ENGINE ";

    private EngineHoldingMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalEngine engine = LocalEngine.start(EngineKind.valueOf(args[0]));
        System.out.println(REPORT_PREFIX + "port=" + engine.port() + " pid=" + engine.pid() + " log=" + engine.logFile());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
