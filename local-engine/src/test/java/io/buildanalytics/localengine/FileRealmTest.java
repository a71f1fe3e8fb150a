package io.buildanalytics.localengine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileRealmTest {

    @Test
    void rolesFileHasOneQuotedRoleALineInJson() {
        FileRealm realm = FileRealm.EMPTY
                .withRole("events_reader", "{\"indices\":[{\"names\":[\"cicd-events-*\"],\"privileges\":[\"read\"]}]}")
                .withRole("odd_\"name\"", "{\"cluster\":[\"monitor\"]}");

        assertThat(realm.rolesYaml()).isEqualTo("# Written by local-engine for this node only.\n"
                + "\"events_reader\": {\"indices\":[{\"names\":[\"cicd-events-*\"],\"privileges\":[\"read\"]}]}\n"
                + "\"odd_\\\"name\\\"\": {\"cluster\":[\"monitor\"]}\n");
    }

    @Test
    void aLaterDefinitionReplacesAnEarlierOneAndLeavesTheOriginalAlone() {
        FileRealm first = FileRealm.EMPTY.withUser("reader", "password-1", "viewer");
        FileRealm second = first.withUser("reader", "password-2", "editor");

        assertThat(second.users().get("reader")).isEqualTo(new FileRealm.User("password-2", java.util.List.of("editor")));
        assertThat(first.users().get("reader").password()).isEqualTo("password-1");
        assertThat(FileRealm.EMPTY.users()).isEmpty();
    }
}
