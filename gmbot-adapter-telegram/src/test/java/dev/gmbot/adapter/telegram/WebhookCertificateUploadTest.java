package dev.gmbot.adapter.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmbot.port.out.GuardMetrics;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * setWebhook with a self-signed certificate: a multipart/form-data upload to a loopback Bot API,
 * the certificate as the {@code certificate} file part and every other parameter a form field.
 */
class WebhookCertificateUploadTest {
  static final String PEM =
      """
      -----BEGIN CERTIFICATE-----
      MIIBszCCAVmgAwIBAgIUQ2VydGlmaWNhdGUgZm9yIHRlc3RzMAoGCCqGSM49BAMC
      -----END CERTIFICATE-----
      """;

  private final BotApiServer server = new BotApiServer();
  private final List<String> counted = new CopyOnWriteArrayList<>();
  private final TelegramBotApiClient client =
      new TelegramBotApiClient(
          server.config(),
          new GuardMetrics() {
            @Override
            public void apiCall(String method, String outcome, Duration latency) {
              counted.add(method + " " + outcome);
            }
          });
  private final TelegramWebhooks webhooks = new TelegramWebhooks(client);

  @AfterEach
  void tearDown() {
    client.close();
    server.close();
  }

  @Test
  void theCertificateTravelsAsAFilePartWithTheOtherParametersAsFields() {
    server.ok("true");

    webhooks.setWebhook(
        WebhookSettings.of(URI.create("https://203.0.113.7:8443/webhook"), "s3cr3t_-X")
            .withMaxConnections(40)
            .withCertificate(PEM));

    RecordedRequest request = server.take();
    assertThat(request.getUrl().encodedPath())
        .isEqualTo("/bot" + BotApiServer.TOKEN + "/setWebhook");
    String contentType = request.getHeaders().get("Content-Type");
    assertThat(contentType).startsWith("multipart/form-data; boundary=");
    String body = request.getBody().utf8();
    assertThat(body)
        .contains("Content-Disposition: form-data; name=\"url\"\r\n")
        .contains("https://203.0.113.7:8443/webhook")
        .contains("Content-Disposition: form-data; name=\"secret_token\"")
        .contains("s3cr3t_-X")
        .contains("Content-Disposition: form-data; name=\"max_connections\"")
        .contains("Content-Disposition: form-data; name=\"allowed_updates\"")
        .contains("[\"message\",")
        .contains(
            "Content-Disposition: form-data; name=\"certificate\"; filename=\"certificate.pem\"")
        .contains(PEM);
    assertThat(counted).containsExactly("setWebhook ok");
  }

  @Test
  void withoutACertificateTheCallStaysJson() {
    server.ok("true");

    webhooks.setWebhook(
        WebhookSettings.of(URI.create("https://bot.example.org/webhook"), "s3cr3t"));

    assertThat(server.take().getHeaders().get("Content-Type")).startsWith("application/json");
  }

  @Test
  void onlyAPemCertificateIsAccepted() {
    WebhookSettings settings =
        WebhookSettings.of(URI.create("https://bot.example.org/webhook"), "s3cr3t");

    assertThatThrownBy(() -> settings.withCertificate("not a certificate"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PEM");
    assertThat(settings.withCertificate(PEM).toString())
        .contains("certificate=<uploaded>")
        .doesNotContain("BEGIN CERTIFICATE");
  }
}
