package io.buildanalytics.jenkins;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.buildanalytics.jenkins.runtime.JenkinsHost;
import io.buildanalytics.jenkins.runtime.PluginRuntime;
import io.buildanalytics.jenkins.settings.FormValues;
import io.buildanalytics.shipper.runtime.StatusLines;
import io.buildanalytics.shipper.settings.FieldChecks;
import io.buildanalytics.model.derive.DeploymentParameters;
import io.buildanalytics.model.schema.IndexNaming;
import io.buildanalytics.shipper.backfill.BackfillRequest;
import io.buildanalytics.shipper.settings.Backend;
import io.buildanalytics.shipper.settings.ConnectionFactory;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * The "Build Analytics" section of Manage Jenkins » System, also configurable as code under
 * {@code unclassified: buildAnalytics:}. Saving applies the settings at once (no restart); every field is checked
 * as you type with the same rules the save uses, and the connection can be tested before saving.
 */
@Extension
@Symbol("buildAnalytics")
public class BuildAnalyticsConfiguration extends GlobalConfiguration {

    private static final Logger LOGGER = Logger.getLogger(BuildAnalyticsConfiguration.class.getName());

    private boolean enabled = true;
    private String backend = Backend.ELASTICSEARCH.id();
    private String urls = "";
    private String credentialsId = "";
    private String tokenType = ConnectionFactory.TOKEN_API_KEY;
    private String awsRegion = "";
    private String indexPrefix = IndexNaming.DEFAULT_PREFIX;
    private String tlsCaPem = "";
    private boolean skipTlsVerification;
    private boolean useJenkinsProxy = true;
    private String deploymentPatterns = "";
    private String productionEnvironments = "";
    private String deploymentEnvironmentParameter = DeploymentParameters.DEFAULTS.environmentParameter();
    private String deploymentServiceParameter = DeploymentParameters.DEFAULTS.serviceParameter();
    private String deploymentVersionParameter = DeploymentParameters.DEFAULTS.versionParameter();
    private String allowedParameters = "";
    private String labels = "";
    private int diskBudgetMb = 256;
    private boolean sendUserNames;
    private String serverName = "";

    private transient PluginRuntime runtime;

    public BuildAnalyticsConfiguration() {
        load();
    }

    public static BuildAnalyticsConfiguration get() {
        return ExtensionList.lookupSingleton(BuildAnalyticsConfiguration.class);
    }

    @Override
    public String getDisplayName() {
        return "Build Analytics";
    }

    /** The running parts, started from the saved settings on first use. */
    public synchronized PluginRuntime runtime() {
        if (runtime == null) {
            runtime = new PluginRuntime(new JenkinsHost(), Clock.systemUTC());
            try {
                runtime.apply(values());
            } catch (IllegalArgumentException e) {
                LOGGER.log(Level.WARNING, "Build Analytics is not recording: the saved settings are invalid: {0}",
                        e.getMessage());
            }
        }
        return runtime;
    }

    /** Stops the running parts, if they were started; spooled events wait on disk for the next start. */
    public synchronized void shutdown() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        FormValues before = values();
        req.bindJSON(this, json);
        try {
            SettingsValidation.validate(values());
            runtime().apply(values());
        } catch (FieldChecks.InvalidField e) {
            restore(before);
            throw new FormException(e.getMessage(), e.field());
        } catch (IllegalArgumentException e) {
            restore(before);
            throw new FormException(e.getMessage(), "urls");
        }
        save();
        return true;
    }

    /** Everything on the page as typed. */
    public FormValues values() {
        return new FormValues(enabled, backend, urls, credentialsId, tokenType, awsRegion, indexPrefix, tlsCaPem,
                skipTlsVerification, useJenkinsProxy, deploymentPatterns, productionEnvironments,
                deploymentEnvironmentParameter, deploymentServiceParameter, deploymentVersionParameter,
                allowedParameters, labels, diskBudgetMb, sendUserNames, serverName);
    }

    private void restore(FormValues v) {
        enabled = v.enabled();
        backend = v.backend();
        urls = v.urls();
        credentialsId = v.credentialsId();
        tokenType = v.tokenType();
        awsRegion = v.awsRegion();
        indexPrefix = v.indexPrefix();
        tlsCaPem = v.tlsCaPem();
        skipTlsVerification = v.skipTlsVerification();
        useJenkinsProxy = v.useJenkinsProxy();
        deploymentPatterns = v.deploymentPatterns();
        productionEnvironments = v.productionEnvironments();
        deploymentEnvironmentParameter = v.deploymentEnvironmentParameter();
        deploymentServiceParameter = v.deploymentServiceParameter();
        deploymentVersionParameter = v.deploymentVersionParameter();
        allowedParameters = v.allowedParameters();
        labels = v.labels();
        diskBudgetMb = v.diskBudgetMb();
        sendUserNames = v.sendUserNames();
        serverName = v.serverName();
    }

    // ---- Status block -------------------------------------------------------------------------------------

    /** Lines for the status block: state, delivery counters, warnings, backfill. */
    public List<String> getStatusLines() {
        List<String> notices = Jenkins.get().getRootUrl() == null
                ? List.of("Jenkins URL is not set (Manage Jenkins » System): events are sent without links to builds.")
                : List.of();
        return StatusLines.of(runtime().status(), "Jenkins", notices);
    }

    // ---- Form helpers: fills, checks and buttons ------------------------------------------------------------

    @POST
    public ListBoxModel doFillBackendItems() {
        ListBoxModel items = new ListBoxModel();
        for (Backend b : Backend.values()) {
            items.add(b.displayName(), b.id());
        }
        return items;
    }

    @POST
    public ListBoxModel doFillTokenTypeItems() {
        ListBoxModel items = new ListBoxModel();
        items.add("API key (Authorization: ApiKey …)", ConnectionFactory.TOKEN_API_KEY);
        items.add("Bearer token (Authorization: Bearer …)", ConnectionFactory.TOKEN_BEARER);
        return items;
    }

    /** Only administrators may see which credentials exist; others get back just the current value. */
    @POST
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter("credentialsId") String credentialsId) {
        StandardListBoxModel items = new StandardListBoxModel();
        String current = credentialsId == null ? "" : credentialsId;
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            items.includeCurrentValue(current);
            return items;
        }
        items.includeEmptyValue()
                .includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), StandardCredentials.class, List.of(),
                        CredentialsMatchers.anyOf(CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class),
                                CredentialsMatchers.instanceOf(StringCredentials.class)))
                .includeCurrentValue(current);
        return items;
    }

    @POST
    public FormValidation doCheckUrls(@QueryParameter("value") String value) {
        return SettingsValidation.check("urls", value);
    }

    @POST
    public FormValidation doCheckAwsRegion(@QueryParameter("value") String value,
                                           @QueryParameter("backend") String backend) {
        return SettingsValidation.checkAwsRegion(value, backend);
    }

    @POST
    public FormValidation doCheckIndexPrefix(@QueryParameter("value") String value) {
        return SettingsValidation.check("indexPrefix", value);
    }

    @POST
    public FormValidation doCheckTlsCaPem(@QueryParameter("value") String value) {
        return SettingsValidation.check("tlsCaPem", value);
    }

    @POST
    public FormValidation doCheckSkipTlsVerification(@QueryParameter("value") boolean value) {
        return value ? FormValidation.warning("Anyone between Jenkins and the engine could read and change events "
                + "and credentials. Paste the engine's CA certificate instead.") : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckDeploymentPatterns(@QueryParameter("value") String value) {
        return SettingsValidation.check("deploymentPatterns", value);
    }

    @POST
    public FormValidation doCheckProductionEnvironments(@QueryParameter("value") String value) {
        return SettingsValidation.check("productionEnvironments", value);
    }

    @POST
    public FormValidation doCheckDeploymentEnvironmentParameter(@QueryParameter("value") String value) {
        return SettingsValidation.check("deploymentEnvironmentParameter", value);
    }

    @POST
    public FormValidation doCheckDeploymentServiceParameter(@QueryParameter("value") String value) {
        return SettingsValidation.check("deploymentServiceParameter", value);
    }

    @POST
    public FormValidation doCheckDeploymentVersionParameter(@QueryParameter("value") String value) {
        return SettingsValidation.check("deploymentVersionParameter", value);
    }

    @POST
    public FormValidation doCheckAllowedParameters(@QueryParameter("value") String value) {
        return SettingsValidation.check("allowedParameters", value);
    }

    @POST
    public FormValidation doCheckLabels(@QueryParameter("value") String value) {
        return SettingsValidation.check("labels", value);
    }

    @POST
    public FormValidation doCheckDiskBudgetMb(@QueryParameter("value") String value) {
        return SettingsValidation.check("diskBudgetMb", value);
    }

    /**
     * Checks the values on the page, saved or not, against the engine they name. It makes Jenkins connect to a
     * URL with a stored credential, so it needs POST (with the crumb) and Overall/Administer.
     */
    @POST
    public FormValidation doTestConnection(@QueryParameter("backend") String backend,
                                           @QueryParameter("urls") String urls,
                                           @QueryParameter("credentialsId") String credentialsId,
                                           @QueryParameter("tokenType") String tokenType,
                                           @QueryParameter("awsRegion") String awsRegion,
                                           @QueryParameter("indexPrefix") String indexPrefix,
                                           @QueryParameter("tlsCaPem") String tlsCaPem,
                                           @QueryParameter("skipTlsVerification") boolean skipTlsVerification,
                                           @QueryParameter("useJenkinsProxy") boolean useJenkinsProxy) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        FormValues current = values();
        FormValues tested = new FormValues(true, backend, urls, credentialsId, tokenType, awsRegion, indexPrefix,
                tlsCaPem, skipTlsVerification, useJenkinsProxy, current.deploymentPatterns(),
                current.productionEnvironments(), current.deploymentEnvironmentParameter(),
                current.deploymentServiceParameter(), current.deploymentVersionParameter(),
                current.allowedParameters(), current.labels(), current.diskBudgetMb(), current.sendUserNames(),
                current.serverName());
        return SettingsValidation.verdict(runtime().testConnection(tested));
    }

    /** Starts sending existing builds (all, by job pattern, or the last N days); admin only, POST only. */
    @POST
    public FormValidation doStartBackfill(@QueryParameter("backfillJobPattern") String backfillJobPattern,
                                          @QueryParameter("backfillDays") String backfillDays) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        try {
            int days = backfillDays == null || backfillDays.isBlank() ? 0 : Integer.parseInt(backfillDays.trim());
            return FormValidation.ok(runtime().startBackfill(new BackfillRequest(backfillJobPattern, days)).summary()
                    + ". Reload this page to follow it.");
        } catch (NumberFormatException e) {
            return FormValidation.error("Days must be a whole number (0 for all builds)");
        } catch (IllegalArgumentException | IllegalStateException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    // ---- Properties (getters for the page and Configuration as Code, setters for both) ----------------------

    public boolean isEnabled() {
        return enabled;
    }

    @DataBoundSetter
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getBackend() {
        return backend;
    }

    @DataBoundSetter
    public void setBackend(String backend) {
        this.backend = backend;
    }

    public String getUrls() {
        return urls;
    }

    @DataBoundSetter
    public void setUrls(String urls) {
        this.urls = trimmed(urls);
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = trimmed(credentialsId);
    }

    public String getTokenType() {
        return tokenType;
    }

    @DataBoundSetter
    public void setTokenType(String tokenType) {
        this.tokenType = tokenType;
    }

    public String getAwsRegion() {
        return awsRegion;
    }

    @DataBoundSetter
    public void setAwsRegion(String awsRegion) {
        this.awsRegion = trimmed(awsRegion);
    }

    public String getIndexPrefix() {
        return indexPrefix;
    }

    @DataBoundSetter
    public void setIndexPrefix(String indexPrefix) {
        this.indexPrefix = trimmed(indexPrefix);
    }

    public String getTlsCaPem() {
        return tlsCaPem;
    }

    @DataBoundSetter
    public void setTlsCaPem(String tlsCaPem) {
        this.tlsCaPem = trimmed(tlsCaPem);
    }

    public boolean isSkipTlsVerification() {
        return skipTlsVerification;
    }

    @DataBoundSetter
    public void setSkipTlsVerification(boolean skipTlsVerification) {
        this.skipTlsVerification = skipTlsVerification;
    }

    public boolean isUseJenkinsProxy() {
        return useJenkinsProxy;
    }

    @DataBoundSetter
    public void setUseJenkinsProxy(boolean useJenkinsProxy) {
        this.useJenkinsProxy = useJenkinsProxy;
    }

    public String getDeploymentPatterns() {
        return deploymentPatterns;
    }

    @DataBoundSetter
    public void setDeploymentPatterns(String deploymentPatterns) {
        this.deploymentPatterns = trimmed(deploymentPatterns);
    }

    public String getProductionEnvironments() {
        return productionEnvironments;
    }

    @DataBoundSetter
    public void setProductionEnvironments(String productionEnvironments) {
        this.productionEnvironments = trimmed(productionEnvironments);
    }

    public String getDeploymentEnvironmentParameter() {
        return deploymentEnvironmentParameter;
    }

    @DataBoundSetter
    public void setDeploymentEnvironmentParameter(String deploymentEnvironmentParameter) {
        this.deploymentEnvironmentParameter = trimmed(deploymentEnvironmentParameter);
    }

    public String getDeploymentServiceParameter() {
        return deploymentServiceParameter;
    }

    @DataBoundSetter
    public void setDeploymentServiceParameter(String deploymentServiceParameter) {
        this.deploymentServiceParameter = trimmed(deploymentServiceParameter);
    }

    public String getDeploymentVersionParameter() {
        return deploymentVersionParameter;
    }

    @DataBoundSetter
    public void setDeploymentVersionParameter(String deploymentVersionParameter) {
        this.deploymentVersionParameter = trimmed(deploymentVersionParameter);
    }

    public String getAllowedParameters() {
        return allowedParameters;
    }

    @DataBoundSetter
    public void setAllowedParameters(String allowedParameters) {
        this.allowedParameters = trimmed(allowedParameters);
    }

    public String getLabels() {
        return labels;
    }

    @DataBoundSetter
    public void setLabels(String labels) {
        this.labels = trimmed(labels);
    }

    public int getDiskBudgetMb() {
        return diskBudgetMb;
    }

    @DataBoundSetter
    public void setDiskBudgetMb(int diskBudgetMb) {
        this.diskBudgetMb = diskBudgetMb;
    }

    public boolean isSendUserNames() {
        return sendUserNames;
    }

    @DataBoundSetter
    public void setSendUserNames(boolean sendUserNames) {
        this.sendUserNames = sendUserNames;
    }

    public String getServerName() {
        return serverName;
    }

    @DataBoundSetter
    public void setServerName(String serverName) {
        this.serverName = trimmed(serverName);
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }
}
