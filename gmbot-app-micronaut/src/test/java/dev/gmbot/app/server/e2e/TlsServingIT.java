package dev.gmbot.app.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmbot.app.server.tls.ServerTls;
import dev.gmbot.app.server.tls.TestCertificates;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The server serving HTTPS itself (GMBOT_TLS_CERT / GMBOT_TLS_KEY, a self-signed certificate for
 * 127.0.0.1): real HTTPS requests on loopback, verified against that certificate; plain HTTP gets
 * no answer on the same port.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsServingIT {
  private Path dir;
  private TestCertificates certs;
  private ServerUnderTest it;

  @BeforeAll
  void start() throws IOException {
    dir = Files.createTempDirectory("gmbot-tls-it");
    certs = TestCertificates.selfSigned(dir);
    it =
        ServerUnderTest.start(
            ServerUnderTest.Mode.POLLING,
            ServerUnderTest.Backend.H2_IN_PROCESS,
            Map.of(
                ServerTls.ENV_CERT, certs.certificate().toString(),
                ServerTls.ENV_KEY, certs.key().toString()));
  }

  @AfterAll
  void stop() throws IOException {
    try {
      if (it != null) {
        it.close();
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private HttpResponse<String> httpsGet(String path) throws IOException, InterruptedException {
    HttpClient client =
        HttpClient.newBuilder()
            .sslContext(certs.trustingIt())
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    return client.send(
        HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + it.server.port() + path))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthAndMetricsAnswerOverHttpsWithTheConfiguredCertificate() throws Exception {
    HttpResponse<String> health = httpsGet("/health");

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"healthy\"");
    assertThat(health.sslSession()).isPresent();
    assertThat(health.sslSession().get().getPeerCertificates()[0]).isEqualTo(certs.x509());
    assertThat(httpsGet("/metrics").body()).contains("bot_mode{mode=\"polling\"} 1.0");
  }

  @Test
  void plainHttpIsNotServed() {
    HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + it.server.port() + "/health"))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();

    assertThatThrownBy(
            () -> {
              HttpResponse<String> response =
                  plain.send(request, HttpResponse.BodyHandlers.ofString());
              assertThat(response.statusCode()).as("a plain HTTP answer").isNotEqualTo(200);
              throw new IOException("answered " + response.statusCode());
            })
        .isInstanceOf(IOException.class);
  }
}
