package io.buildanalytics.jenkins.runtime;

import hudson.model.Job;
import io.buildanalytics.jenkins.settings.FormValues;
import io.buildanalytics.shipper.connection.ProxySettings;
import io.buildanalytics.shipper.settings.Credential;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A {@link Host} answered with plain values: a data directory, some jobs, some credentials. */
public final class TestHost implements Host {

    private final Path dataDirectory;
    private final List<Job<?, ?>> jobs = new ArrayList<>();
    private final Map<String, Credential> credentials = new HashMap<>();
    private ProxySettings proxy;

    public TestHost(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    public TestHost job(Job<?, ?> job) {
        jobs.add(job);
        return this;
    }

    public TestHost credential(String id, Credential credential) {
        credentials.put(id, credential);
        return this;
    }

    public TestHost proxy(ProxySettings value) {
        proxy = value;
        return this;
    }

    /** Page values for an engine at this URL, everything else at its default. */
    public static FormValues values(String backend, String urls) {
        return new FormValues(true, backend, urls, "", "apiKey", "", "cicd-events", "", false, true, "", "",
                "DEPLOY_ENVIRONMENT", "DEPLOY_SERVICE", "DEPLOY_VERSION", "", "", 64, false, "");
    }

    @Override
    public String instanceId() {
        return "a1b2c3";
    }

    @Override
    public String rootUrl() {
        return "https://ci.example.com/";
    }

    @Override
    public String version() {
        return "2.479.3";
    }

    @Override
    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public ProxySettings proxy() {
        return proxy;
    }

    @Override
    public Credential credential(String credentialsId) {
        if (credentialsId == null || credentialsId.isBlank()) {
            return new Credential.None();
        }
        return credentials.getOrDefault(credentialsId, new Credential.Missing(credentialsId));
    }

    @Override
    public Iterable<Job<?, ?>> allJobs() {
        return List.copyOf(jobs);
    }

    @Override
    public Job<?, ?> job(String fullName) {
        for (Job<?, ?> job : jobs) {
            if (job.getFullName().equals(fullName)) {
                return job;
            }
        }
        return null;
    }
}
