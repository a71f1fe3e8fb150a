package io.buildanalytics.model.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RepositoryUrlTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "git@github.com:example/shop.git                     | https://github.com/example/shop               | github    | example           | shop",
        "https://github.com/example/shop.git                 | https://github.com/example/shop               | github    | example           | shop",
        "https://x-token:ghp_secret@github.com/example/shop/ | https://github.com/example/shop               | github    | example           | shop",
        "ssh://git@gitlab.example.com:2222/group/sub/app.git | https://gitlab.example.com/group/sub/app      | gitlab    | group/sub         | app",
        "HTTPS://Bitbucket.org/Team/Repo.git?ref=x#frag      | https://bitbucket.org/Team/Repo               | bitbucket | Team              | Repo",
        "https://git.example.com:8443/scm/core/api           | https://git.example.com:8443/scm/core/api     |           | scm/core          | api",
        "git://gitea.example.com/org/tool                    | https://gitea.example.com/org/tool            | gitea     | org               | tool",
        "https://git.example.com/standalone.git              | https://git.example.com/standalone            |           |                   | standalone",
    })
    void gitSpellingsOfOneRepositoryBecomeOneCanonicalUrl(String raw, String url, String provider, String owner,
                                                          String name) {
        RepositoryUrl parsed = RepositoryUrl.parse(raw).orElseThrow();

        assertThat(parsed.url()).isEqualTo(url);
        assertThat(parsed.provider()).isEqualTo(provider);
        assertThat(parsed.owner()).isEqualTo(owner);
        assertThat(parsed.name()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not a url", "/srv/git/repo.git", "https://", "https://github.com/"})
    void whatIsNotARepositoryUrlGivesNoUrlRatherThanAWrongOne(String raw) {
        assertThat(RepositoryUrl.parse(raw)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://user:pa ss@jenkins.example.com/job/x/ | https://jenkins.example.com/job/x/",
        "http://token@teamcity.local:8111/build/1       | http://teamcity.local:8111/build/1",
        "https://jenkins.example.com/job/x/?a=b@c       | https://jenkins.example.com/job/x/?a=b@c",
    })
    void credentialsAreRemovedFromEveryUrl(String raw, String expected) {
        assertThat(Urls.withoutCredentials(raw)).isEqualTo(expected);
    }
}
