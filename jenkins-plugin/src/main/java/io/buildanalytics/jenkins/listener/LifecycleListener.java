package io.buildanalytics.jenkins.listener;

import hudson.Extension;
import hudson.model.listeners.ItemListener;
import io.buildanalytics.jenkins.BuildAnalyticsConfiguration;

/**
 * Starts the shipper once Jenkins has loaded its jobs, so events spooled before a restart (and an interrupted
 * backfill) go out without waiting for the next build, and closes it when Jenkins shuts down, so the spool is
 * closed cleanly and no thread is left behind. Spooled events stay on disk across the restart.
 */
@Extension
public class LifecycleListener extends ItemListener {

    @Override
    public void onLoaded() {
        BuildAnalyticsConfiguration.get().runtime();
    }

    @Override
    public void onBeforeShutdown() {
        BuildAnalyticsConfiguration.get().shutdown();
    }
}
