package io.buildanalytics.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.util.FormValidation;
import io.buildanalytics.jenkins.runtime.TestHost;
import io.buildanalytics.jenkins.settings.FormValues;
import io.buildanalytics.shipper.check.ConnectionVerdict;
import io.buildanalytics.shipper.settings.FieldChecks;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.verb.POST;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** The configuration page's checks, its save validation and the security of its web methods. */
class ConfigurationPageTest {

    private final BuildAnalyticsConfiguration page = new BuildAnalyticsConfiguration();

    @Test
    void startsWithSafeDefaults() {
        FormValues values = page.values();

        assertThat(values.enabled()).isTrue();
        assertThat(values.urls()).isEmpty();
        assertThat(values.skipTlsVerification()).isFalse();
        assertThat(values.useJenkinsProxy()).isTrue();
        assertThat(values.allowedParameters()).isEmpty();
        assertThat(values.sendUserNames()).isFalse();
        assertThat(values.indexPrefix()).isEqualTo("cicd-events");
        assertThat(page.getDisplayName()).isEqualTo("Build Analytics");
    }

    @Test
    void fieldChecksAnswerWithTheRuleSentence() {
        FormValidation badUrl = page.doCheckUrls("https://elastic:pw@es.example.com");
        FormValidation goodUrl = page.doCheckUrls("https://es.example.com:9200");

        assertThat(badUrl.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(badUrl.getMessage()).contains("choose a credential").doesNotContain("pw@");
        assertThat(goodUrl.kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(page.doCheckLabels("team.x=1").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(page.doCheckDiskBudgetMb("lots").getMessage()).contains("whole number");
        assertThat(page.doCheckDeploymentPatterns("deploy-(").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(page.doCheckAwsRegion("", "amazon-opensearch").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(page.doCheckAwsRegion("", "elasticsearch").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(page.doCheckSkipTlsVerification(true).kind).isEqualTo(FormValidation.Kind.WARNING);
        assertThat(page.doFillBackendItems()).extracting(o -> o.value)
                .containsExactly("elasticsearch", "opensearch", "amazon-opensearch", "amazon-opensearch-serverless");
    }

    @Test
    void saveValidationNamesTheFieldAtFault() {
        FormValues defaults = TestHost.values("elasticsearch", "https://es.example.com");
        FormValues badLabels = new FormValues(true, "elasticsearch", defaults.urls(), "", "apiKey", "", "cicd-events",
                "", false, true, "", "", "DEPLOY_ENVIRONMENT", "", "", "", "no equals sign", 256, false, "");
        FormValues amazonWithoutRegion = new FormValues(true, "amazon-opensearch", defaults.urls(), "", "apiKey", "",
                "cicd-events", "", false, true, "", "", "", "", "", "", "", 256, false, "");

        assertThatThrownBy(() -> SettingsValidation.validate(badLabels))
                .isInstanceOfSatisfying(FieldChecks.InvalidField.class,
                        e -> assertThat(e.field()).isEqualTo("labels"));
        assertThatThrownBy(() -> SettingsValidation.validate(amazonWithoutRegion))
                .isInstanceOfSatisfying(FieldChecks.InvalidField.class,
                        e -> assertThat(e.field()).isEqualTo("awsRegion"));
        SettingsValidation.validate(defaults);
        SettingsValidation.validate(TestHost.values("elasticsearch", "")); // not configured yet is allowed
    }

    @Test
    void aVerdictBecomesOneAnswerWithItsDetails() {
        FormValidation failed = SettingsValidation.verdict(new ConnectionVerdict(ConnectionVerdict.Level.FAILED,
                "Cannot reach http://es:9200.", List.of("Check the URL."), null, null));
        FormValidation warning = SettingsValidation.verdict(new ConnectionVerdict(ConnectionVerdict.Level.WARNING,
                "Connected.", List.of("The user cannot manage templates."), null, null));

        assertThat(failed.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(failed.getMessage()).isEqualTo("Cannot reach http://es:9200. · Check the URL.");
        assertThat(warning.kind).isEqualTo(FormValidation.Kind.WARNING);
    }

    @Test
    void everyWebMethodIsPostOnly() {
        List<String> notPost = new ArrayList<>();
        for (Method method : BuildAnalyticsConfiguration.class.getDeclaredMethods()) {
            if (method.getName().startsWith("do") && !method.isAnnotationPresent(POST.class)) {
                notPost.add(method.getName());
            }
        }
        assertThat(notPost).isEmpty();
    }

    /** Methods that connect out or start work must check Overall/Administer before they do anything else. */
    @Test
    void connectingAndBackfillCheckAdministerFirst() throws IOException {
        for (String method : Set.of("doTestConnection", "doStartBackfill")) {
            assertThat(firstCalls(method)).as(method).startsWith(
                    "jenkins/model/Jenkins.get", "jenkins/model/Jenkins.checkPermission");
        }
        assertThat(firstCalls("doFillCredentialsIdItems")).contains("jenkins/model/Jenkins.hasPermission");
    }

    private static List<String> firstCalls(String methodName) throws IOException {
        List<String> calls = new ArrayList<>();
        try (InputStream in = BuildAnalyticsConfiguration.class
                .getResourceAsStream("BuildAnalyticsConfiguration.class")) {
            new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    if (!name.equals(methodName)) {
                        return null;
                    }
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitMethodInsn(int opcode, String owner, String called, String desc,
                                                    boolean isInterface) {
                            calls.add(owner + "." + called);
                        }

                        @Override
                        public void visitFieldInsn(int opcode, String owner, String field, String desc) {
                            // reading Jenkins.ADMINISTER is part of the check, not work before it
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG);
        }
        return calls;
    }
}
