package hudson;

import hudson.util.Secret;
import java.util.List;
import java.util.regex.Pattern;

public final class ProxyConfiguration {

    public final String name;
    public final int port;
    private String noProxyHost;
    private String userName;
    private Secret secretPassword;

    public ProxyConfiguration(String name, int port, String userName, String password, String noProxyHost) {
        this.name = name;
        this.port = port;
        this.userName = userName;
        this.secretPassword = Secret.fromString(password);
        this.noProxyHost = noProxyHost;
    }

    public String getUserName() {
        return userName;
    }

    public Secret getSecretPassword() {
        return secretPassword;
    }

    public String getNoProxyHost() {
        return noProxyHost;
    }

    public List<Pattern> getNoProxyHostPatterns() {
        throw new UnsupportedOperationException("mirror");
    }
}
