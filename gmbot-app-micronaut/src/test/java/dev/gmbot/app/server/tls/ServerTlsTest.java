package dev.gmbot.app.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmbot.port.config.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerTlsTest {
  @TempDir static Path dir;
  static TestCertificates certs;

  @BeforeAll
  static void makeCertificate() {
    certs = TestCertificates.selfSigned(dir);
  }

  private static Map<String, String> env() {
    return Map.of(
        ServerTls.ENV_CERT, certs.certificate().toString(),
        ServerTls.ENV_KEY, certs.key().toString());
  }

  @Test
  void withoutTheVariablesTheServerSpeaksPlainHttp() {
    assertThat(ServerTls.fromEnvironment(Map.of())).isEmpty();
    assertThat(ServerTls.fromEnvironment(Map.of(ServerTls.ENV_CERT, " "))).isEmpty();
  }

  @Test
  void readsACertificateAndItsKeyAndTellsASelfSignedOne() {
    ServerTls tls = ServerTls.fromEnvironment(env()).orElseThrow();

    assertThat(tls.selfSigned()).isTrue();
    assertThat(tls.chain()).hasSize(1);
    assertThat(tls.leafPem()).startsWith("-----BEGIN CERTIFICATE-----\n");
    assertThat(tls.toString()).contains("CN=127.0.0.1").doesNotContain("PRIVATE");
    Map<String, Object> properties = tls.micronautProperties(8443);
    assertThat(properties)
        .containsEntry("micronaut.server.ssl.enabled", true)
        .containsEntry("micronaut.server.ssl.port", 8443)
        .containsEntry("micronaut.server.ssl.key-store.type", "PKCS12");
    Path store =
        Path.of(((String) properties.get("micronaut.server.ssl.key-store.path")).substring(5));
    assertThat(store).exists();
  }

  @Test
  void oneVariableWithoutTheOtherIsAConfigurationError() {
    assertThatThrownBy(
            () ->
                ServerTls.fromEnvironment(
                    Map.of(ServerTls.ENV_CERT, certs.certificate().toString())))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("GMBOT_TLS_KEY is not set");
    assertThatThrownBy(
            () -> ServerTls.fromEnvironment(Map.of(ServerTls.ENV_KEY, certs.key().toString())))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("GMBOT_TLS_CERT is not set");
  }

  @Test
  void unreadableOrMalformedFilesNameTheirVariable() throws IOException {
    Path garbage = Files.writeString(dir.resolve("garbage.pem"), "hello");
    Path rsaPkcs1 =
        Files.writeString(
            dir.resolve("pkcs1.pem"),
            "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");

    assertThatThrownBy(
            () ->
                ServerTls.fromEnvironment(
                    Map.of(
                        ServerTls.ENV_CERT,
                        "/nonexistent/cert.pem",
                        ServerTls.ENV_KEY,
                        certs.key().toString())))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("GMBOT_TLS_CERT cannot be read");
    assertThatThrownBy(
            () ->
                ServerTls.fromEnvironment(
                    Map.of(
                        ServerTls.ENV_CERT,
                        garbage.toString(),
                        ServerTls.ENV_KEY,
                        certs.key().toString())))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("GMBOT_TLS_CERT holds no certificate");
    assertThatThrownBy(
            () ->
                ServerTls.fromEnvironment(
                    Map.of(
                        ServerTls.ENV_CERT,
                        certs.certificate().toString(),
                        ServerTls.ENV_KEY,
                        rsaPkcs1.toString())))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("PKCS#8");
  }

  @Test
  void setWebhookUploadsTheOptionsFileOrASelfSignedServerCertificate() throws IOException {
    assertThat(WebhookCertificate.choose(List.of(), Optional.empty())).isEmpty();
    assertThat(WebhookCertificate.choose(List.of(), ServerTls.fromEnvironment(env())))
        .hasValueSatisfying(pem -> assertThat(pem).contains("BEGIN CERTIFICATE"));
    assertThat(
            WebhookCertificate.choose(
                List.of("--certificate", certs.certificate().toString()), Optional.empty()))
        .contains(Files.readString(certs.certificate()));
    assertThatThrownBy(() -> WebhookCertificate.choose(List.of("--certificate"), Optional.empty()))
        .isInstanceOf(ConfigurationException.class);
    assertThatThrownBy(
            () ->
                WebhookCertificate.choose(
                    List.of("--certificate", certs.key().toString()), Optional.empty()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("not a PEM certificate");
  }
}
