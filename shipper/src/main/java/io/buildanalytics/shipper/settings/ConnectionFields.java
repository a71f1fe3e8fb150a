package io.buildanalytics.shipper.settings;

/**
 * The connection part of a plugin's admin page, as typed: the same fields on Jenkins and TeamCity, read by the
 * same {@link FieldRules} and turned into a connection by {@link ConnectionFactory}.
 *
 * @param backend             a {@link Backend} id
 * @param urls                one or more engine URLs
 * @param tokenType           how a secret-text credential is sent: {@link ConnectionFactory#TOKEN_API_KEY} or
 *                            {@link ConnectionFactory#TOKEN_BEARER}
 * @param awsRegion           the AWS region, for the Amazon backends
 * @param tlsCaPem            the engine's CA certificate(s) in PEM form, or empty for the JVM's trust store
 * @param skipTlsVerification accept any certificate (warned about everywhere)
 * @param useHostProxy        connect through the CI server's proxy, when it has one
 */
public record ConnectionFields(String backend, String urls, String tokenType, String awsRegion, String tlsCaPem,
                               boolean skipTlsVerification, boolean useHostProxy) {
}
