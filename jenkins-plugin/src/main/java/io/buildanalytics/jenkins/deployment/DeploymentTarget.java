package io.buildanalytics.jenkins.deployment;

import hudson.Extension;
import hudson.model.Job;
import hudson.util.FormValidation;
import io.buildanalytics.model.facts.DeploymentDeclaration;
import jenkins.model.OptionalJobProperty;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A job's explicit statement "every run of this job deploys {@code service} to {@code environment}". Set it in
 * the job's configuration (core's optional job property block), or in a Pipeline with
 * {@code properties([deploymentTarget(environment: 'production', service: 'shop')])}. It is the strongest
 * deployment signal; a run's deployment parameter, when present, still names the environment of that run.
 */
public class DeploymentTarget extends OptionalJobProperty<Job<?, ?>> {

    public static final String RULE = "jenkins-job-property";

    private final String environment;
    private String service;
    private String version;

    @DataBoundConstructor
    public DeploymentTarget(String environment) {
        this.environment = environment == null ? "" : environment.trim();
    }

    public String getEnvironment() {
        return environment;
    }

    public String getService() {
        return service;
    }

    @DataBoundSetter
    public void setService(String service) {
        this.service = service == null || service.isBlank() ? null : service.trim();
    }

    public String getVersion() {
        return version;
    }

    @DataBoundSetter
    public void setVersion(String version) {
        this.version = version == null || version.isBlank() ? null : version.trim();
    }

    /** The declaration this property makes, or null when its environment is empty. */
    public DeploymentDeclaration declaration() {
        return environment.isEmpty() ? null
                : new DeploymentDeclaration(DeploymentDeclaration.Source.EXPLICIT, RULE, environment, service, version);
    }

    @Extension
    @Symbol("deploymentTarget")
    public static class DescriptorImpl extends OptionalJobPropertyDescriptor {

        @Override
        public String getDisplayName() {
            return "Build Analytics: this job deploys";
        }

        @POST
        public FormValidation doCheckEnvironment(@QueryParameter("value") String value) {
            return value == null || value.isBlank()
                    ? FormValidation.error("Name the environment this job deploys to, e.g. production or staging")
                    : FormValidation.ok();
        }
    }
}
