package io.buildanalytics.jenkins.runtime;

import hudson.model.Job;
import io.buildanalytics.shipper.settings.Credential;
import io.buildanalytics.shipper.connection.ProxySettings;
import java.nio.file.Path;

/**
 * The few things the plugin asks of the running Jenkins, in one place: {@link JenkinsHost} answers them from
 * Jenkins itself, tests answer them with plain values.
 */
public interface Host {

    /** Stable per-installation id (Jenkins' legacy instance id), part of every event id. */
    String instanceId();

    /** Root URL ending in '/', or null when the admin has not set one. */
    String rootUrl();

    String version();

    /** Where the spool, the dead letters and the backfill checkpoint live. */
    Path dataDirectory();

    /** Jenkins' proxy, or null when none is configured. */
    ProxySettings proxy();

    /** The credential with this id from the Credentials plugin, as plain values for one connection. */
    Credential credential(String credentialsId);

    /** Every job, across folders, seen with full rights (the backfill runs without a user). */
    Iterable<Job<?, ?>> allJobs();

    /** The job with this full name, or null. */
    Job<?, ?> job(String fullName);
}
