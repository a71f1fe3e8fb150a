package io.buildanalytics.localengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EngineOptionsTest {

    @Test
    void defaultsSuitTestsAndTheDemo() {
        EngineOptions defaults = EngineOptions.defaults();

        assertThat(defaults.heap()).isEqualTo("512m");
        assertThat(defaults.startupTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(defaults.version()).isEmpty();
        assertThat(defaults.distribution()).isEmpty();
        assertThat(defaults.securityEnabled()).isFalse();
        assertThat(defaults.fileRealm()).isEmpty();
    }

    @Test
    void withersChangeOneThingAndLeaveTheOriginalAlone() {
        EngineOptions changed = EngineOptions.defaults().withHeap("1g").withVersion("2.19.3")
                .withDistribution(Path.of("/tmp/os.zip")).withStartupTimeout(Duration.ofSeconds(30));

        assertThat(changed.heap()).isEqualTo("1g");
        assertThat(changed.version()).contains("2.19.3");
        assertThat(changed.distribution()).contains(Path.of("/tmp/os.zip"));
        assertThat(changed.startupTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(EngineOptions.defaults().heap()).isEqualTo("512m");
    }

    @Test
    void usersAndRolesSwitchSecurityOnAndSurviveOtherWithers() {
        EngineOptions secured = EngineOptions.defaults()
                .withRole("events_reader", "{ \"indices\": [ {\"names\": [\"cicd-events-*\"], \"privileges\": [\"read\"]} ] }")
                .withUser("reader", "reader-password", "events_reader", "viewer")
                .withHeap("1g");

        assertThat(secured.securityEnabled()).isTrue();
        FileRealm realm = secured.fileRealm().orElseThrow();
        assertThat(realm.roles()).containsExactly(
                entry("events_reader", "{\"indices\":[{\"names\":[\"cicd-events-*\"],\"privileges\":[\"read\"]}]}"));
        assertThat(realm.users()).containsOnlyKeys("reader");
        assertThat(realm.users().get("reader").roles()).containsExactly("events_reader", "viewer");
        assertThat(secured.toString()).contains("security=on").contains("reader").doesNotContain("reader-password");
        assertThat(EngineOptions.defaults().securityEnabled()).isFalse();
        assertThat(EngineOptions.defaults().withSecurity().fileRealm()).contains(FileRealm.EMPTY);
        assertThat(secured.withSecurity()).isSameAs(secured);
    }

    @Test
    void rejectsUsersAndRolesTheFileRealmCouldNotHold() {
        EngineOptions options = EngineOptions.defaults();

        assertThatThrownBy(() -> options.withRole("broken", "{\"indices\": ["))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> options.withRole("listed", "[\"read\"]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> options.withUser("admin", "secret", "superuser"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("superuser");
        assertThatThrownBy(() -> options.withUser("a:b", "secret"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user name");
        assertThatThrownBy(() -> options.withUser("reader", "secret", "one,two"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("role name");
    }

    @Test
    void rejectsHeapSizesTheJvmWouldNotAccept() {
        assertThatThrownBy(() -> EngineOptions.defaults().withHeap("512")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EngineOptions.defaults().withHeap("-Xmx1g")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EngineOptions.defaults().withStartupTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
