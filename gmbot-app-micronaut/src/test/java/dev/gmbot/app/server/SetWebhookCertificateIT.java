package dev.gmbot.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gmbot.app.server.tls.ServerTls;
import dev.gmbot.app.server.tls.TestCertificates;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code gmbot set-webhook} for a deployer without a domain: the self-signed certificate goes to a
 * loopback Bot API as the {@code certificate} part of a multipart/form-data setWebhook (the
 * simulator speaks no multipart, so a small JDK server records the request).
 */
class SetWebhookCertificateIT {
  private static final String TOKEN = "123456:abcdefghijklmnopqrstuvwxyz";

  /** A request the loopback Bot API received. */
  record Received(String path, String contentType, String body) {}

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private HttpServer api;
  private Path dir;
  private TestCertificates certs;

  @BeforeEach
  void start() throws IOException {
    dir = Files.createTempDirectory("gmbot-set-webhook");
    certs = TestCertificates.selfSigned(dir);
    api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    api.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          received.add(
              new Received(
                  path,
                  exchange.getRequestHeaders().getFirst("Content-Type"),
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
          String answer =
              path.endsWith("/getWebhookInfo")
                  ? "{\"ok\":true,\"result\":{\"url\":\"https://203.0.113.7:8443/webhook\","
                      + "\"has_custom_certificate\":true,\"pending_update_count\":0}}"
                  : "{\"ok\":true,\"result\":true}";
          byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream body = exchange.getResponseBody()) {
            body.write(bytes);
          }
        });
    api.start();
  }

  @AfterEach
  void stop() throws IOException {
    api.stop(0);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private Map<String, String> env(Map<String, String> more) {
    Map<String, String> env = new HashMap<>(more);
    env.put("BOT_TOKEN", TOKEN);
    env.put("TELEGRAM_API_URL", "http://127.0.0.1:" + api.getAddress().getPort());
    env.put("ENVIRONMENT", "production");
    env.put("WEBHOOK_URL", "https://203.0.113.7:8443");
    env.put("WEBHOOK_SECRET", "s3cret");
    return env;
  }

  private int run(Map<String, String> env, String... args) {
    return Launcher.run(
        args,
        env,
        new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private Received setWebhook() {
    return received.stream()
        .filter(r -> r.path().endsWith("/setWebhook"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theCertificateOptionUploadsTheFile() throws IOException {
    int code = run(env(Map.of()), "set-webhook", "--certificate", certs.certificate().toString());

    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    Received call = setWebhook();
    assertThat(call.contentType()).startsWith("multipart/form-data");
    assertThat(call.body())
        .contains("name=\"url\"")
        .contains("https://203.0.113.7:8443/webhook")
        .contains("name=\"secret_token\"")
        .contains("name=\"certificate\"; filename=\"certificate.pem\"")
        .contains(Files.readString(certs.certificate()).strip());
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(
            "webhook set to https://203.0.113.7:8443/webhook (self-signed certificate uploaded)");
  }

  @Test
  void aSelfSignedServerCertificateIsUploadedWithoutTheOption() {
    int code =
        run(
            env(
                Map.of(
                    ServerTls.ENV_CERT, certs.certificate().toString(),
                    ServerTls.ENV_KEY, certs.key().toString())),
            "set-webhook");

    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(setWebhook().body()).contains("name=\"certificate\"").contains("BEGIN CERTIFICATE");
  }

  @Test
  void withoutACertificateSetWebhookStaysJson() {
    assertThat(run(env(Map.of()), "set-webhook")).isZero();

    assertThat(setWebhook().contentType()).startsWith("application/json");
    assertThat(setWebhook().body()).doesNotContain("BEGIN CERTIFICATE");
  }
}
