package io.buildanalytics.jenkins.listener;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.listeners.RunListener;
import io.buildanalytics.jenkins.BuildAnalyticsConfiguration;
import io.buildanalytics.jenkins.runtime.PluginRuntime;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records every run when Jenkins finalizes it: {@code onFinalized} fires for every run (a Pipeline that failed to
 * start never gets {@code onCompleted}), after its result, duration and build record are final. It runs on the
 * build's thread, so it only reads the run and appends to the on-disk spool, and it never throws.
 */
@Extension
public class BuildFinishedListener extends RunListener<Run<?, ?>> {

    private static final Logger LOGGER = Logger.getLogger(BuildFinishedListener.class.getName());

    private final Supplier<PluginRuntime> runtime;

    public BuildFinishedListener() {
        this(() -> BuildAnalyticsConfiguration.get().runtime());
    }

    BuildFinishedListener(Supplier<PluginRuntime> runtime) {
        this.runtime = runtime;
    }

    @Override
    public void onFinalized(Run<?, ?> run) {
        try {
            runtime.get().onFinished(run);
        } catch (RuntimeException | LinkageError e) {
            LOGGER.log(Level.WARNING, "Build Analytics could not record a finished build", e);
        }
    }
}
