package io.buildanalytics.jenkins.listener;

import hudson.Extension;
import hudson.model.listeners.ItemListener;
import io.buildanalytics.jenkins.BuildAnalyticsConfiguration;

/**
 * Closes the shipper when Jenkins shuts down, so the spool is closed cleanly and its threads end. Spooled events
 * stay on disk and are delivered after the next start.
 */
@Extension
public class ShutdownListener extends ItemListener {

    @Override
    public void onBeforeShutdown() {
        BuildAnalyticsConfiguration.get().runtime().close();
    }
}
