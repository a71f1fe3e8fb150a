package io.buildanalytics.jenkins.runtime;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.ProxyConfiguration;
import hudson.model.Job;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.Secret;
import io.buildanalytics.shipper.settings.Credential;
import io.buildanalytics.shipper.connection.ProxySettings;
import io.buildanalytics.shipper.connection.SecretText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/** {@link Host} answered by the running Jenkins. */
public final class JenkinsHost implements Host {

    /** Directory under JENKINS_HOME named after the plugin, as Jenkins plugins conventionally do. */
    static final String DATA_DIRECTORY = "build-analytics";

    @Override
    public String instanceId() {
        return Jenkins.get().getLegacyInstanceId();
    }

    @Override
    public String rootUrl() {
        String url = Jenkins.get().getRootUrl();
        return url == null || url.isBlank() ? null : (url.endsWith("/") ? url : url + "/");
    }

    @Override
    public String version() {
        return Jenkins.VERSION;
    }

    @Override
    public Path dataDirectory() {
        return Jenkins.get().getRootDir().toPath().resolve(DATA_DIRECTORY);
    }

    @Override
    public ProxySettings proxy() {
        ProxyConfiguration proxy = Jenkins.get().proxy;
        if (proxy == null || proxy.name == null || proxy.name.isBlank()) {
            return null;
        }
        String user = proxy.getUserName();
        Secret password = proxy.getSecretPassword();
        List<String> noProxy = new ArrayList<>();
        String noProxyText = proxy.getNoProxyHost();
        if (noProxyText != null) {
            for (String host : noProxyText.split("[\\s,|]+")) {
                if (!host.isBlank()) {
                    noProxy.add(host.trim());
                }
            }
        }
        return new ProxySettings(proxy.name, proxy.port, user == null || user.isBlank() ? null : user,
                user == null || user.isBlank() || password == null ? null : SecretText.of(password.getPlainText()),
                noProxy);
    }

    @Override
    public Credential credential(String credentialsId) {
        if (credentialsId == null || credentialsId.isBlank()) {
            return new Credential.None();
        }
        StandardCredentials found = CredentialsMatchers.firstOrNull(
                CredentialsProvider.lookupCredentialsInItemGroup(StandardCredentials.class, Jenkins.get(),
                        ACL.SYSTEM2, List.of()),
                CredentialsMatchers.withId(credentialsId));
        if (found instanceof StandardUsernamePasswordCredentials basic) {
            return new Credential.UsernamePassword(basic.getUsername(),
                    SecretText.of(basic.getPassword().getPlainText()));
        }
        if (found instanceof StringCredentials token) {
            return new Credential.Token(SecretText.of(token.getSecret().getPlainText()));
        }
        return new Credential.Missing(credentialsId);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked", "try"}) // the ACL context is used for its scope only
    public Iterable<Job<?, ?>> allJobs() {
        List<Job<?, ?>> jobs = new ArrayList<>();
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            for (Job job : Jenkins.get().allItems(Job.class)) {
                jobs.add(job);
            }
        }
        return jobs;
    }

    @Override
    @SuppressWarnings("try") // the ACL context is used for its scope only
    public Job<?, ?> job(String fullName) {
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            return Jenkins.get().getItemByFullName(fullName, Job.class);
        }
    }
}
