package io.buildanalytics.shipper.settings;

import io.buildanalytics.shipper.connection.Auth;
import io.buildanalytics.shipper.connection.EngineConnection;
import io.buildanalytics.shipper.connection.ProxySettings;
import io.buildanalytics.shipper.connection.TlsSettings;
import java.net.URI;
import java.util.List;

/** Turns an admin page's connection fields and the chosen credential into the shipper's {@link EngineConnection}. */
public final class ConnectionFactory {

    public static final String TOKEN_API_KEY = "apiKey";
    public static final String TOKEN_BEARER = "bearer";

    private ConnectionFactory() {
    }

    /**
     * @param proxy the CI server's proxy, or null for a direct connection
     * @throws IllegalArgumentException with a sentence for the page
     */
    public static EngineConnection connection(ConnectionFields values, Credential credential, ProxySettings proxy) {
        Backend backend = Backend.fromId(values.backend());
        List<URI> urls = FieldRules.urls(values.urls());
        EngineConnection connection = new EngineConnection(backend.product(), urls, auth(values, backend, credential),
                tls(values), null, EngineConnection.DEFAULT_CONNECT_TIMEOUT, EngineConnection.DEFAULT_READ_TIMEOUT);
        return proxy == null || !values.useHostProxy() ? connection : connection.withProxy(proxy);
    }

    static Auth auth(ConnectionFields values, Backend backend, Credential credential) {
        if (credential instanceof Credential.Missing missing) {
            throw new IllegalArgumentException("Credential '" + missing.id() + "' was not found, or is neither a "
                    + "username with password nor a secret text");
        }
        if (backend.signsWithAws()) {
            String region = FieldRules.awsRegion(values.awsRegion());
            if (credential instanceof Credential.UsernamePassword keys) {
                return new Auth.AwsSigV4(region, backend.awsService(), keys.username(), keys.password(), null);
            }
            if (credential instanceof Credential.Token) {
                throw new IllegalArgumentException("For AWS choose a username/password credential holding the access "
                        + "key id and secret access key, or none to use the AWS default credentials chain");
            }
            return Auth.AwsSigV4.defaultCredentials(region, backend.awsService());
        }
        if (credential instanceof Credential.UsernamePassword basic) {
            return new Auth.Basic(basic.username(), basic.password());
        }
        if (credential instanceof Credential.Token token) {
            return TOKEN_BEARER.equals(values.tokenType()) ? new Auth.Bearer(token.token())
                    : new Auth.ApiKey(token.token());
        }
        return Auth.none();
    }

    static TlsSettings tls(ConnectionFields values) {
        if (values.skipTlsVerification()) {
            return TlsSettings.insecureNoVerification();
        }
        String pem = FieldRules.caPem(values.tlsCaPem());
        return pem == null ? TlsSettings.systemTrust() : TlsSettings.trusting(pem);
    }
}
