package io.buildanalytics.teamcity.runtime;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Sends the shipper's java.util.logging records to teamcity-server.log: TeamCity logs through log4j and does not
 * route java.util.logging, so without this a delivery problem would only show on the admin page. The category
 * sits under TeamCity's server category so its appenders and levels apply.
 */
final class LogBridge extends Handler {

    static final String CATEGORY = "jetbrains.buildServer.SERVER.buildAnalytics";

    private final Logger root = Logger.getLogger("io.buildanalytics");
    private final org.apache.log4j.Logger target = org.apache.log4j.Logger.getLogger(CATEGORY);

    LogBridge() {
        setFormatter(new SimpleFormatter());
    }

    void install() {
        root.addHandler(this);
        root.setUseParentHandlers(false);
    }

    void uninstall() {
        root.removeHandler(this);
        root.setUseParentHandlers(true);
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null) {
            return;
        }
        String message = getFormatter().formatMessage(record);
        Throwable thrown = record.getThrown();
        int level = record.getLevel().intValue();
        if (level >= Level.SEVERE.intValue()) {
            target.error(message, thrown);
        } else if (level >= Level.WARNING.intValue()) {
            target.warn(message, thrown);
        } else if (level >= Level.INFO.intValue()) {
            target.info(message, thrown);
        } else {
            target.debug(message, thrown);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
