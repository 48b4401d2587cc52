package dev.gmbot.app.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gmbot.testkit.simulator.SimUser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hostile connections against the real server in webhook mode (the fault suite of
 * docs/reliability.md, beside {@link WebhookFuzzIT}): a request whose headers arrive one byte at a
 * time, and hundreds of connections held open with an unfinished request. A declared Content-Length
 * longer than the body and headers never finished are {@link
 * WebhookScenarios#requestsHeldIncompleteAreClosedByTheServer}. Each prints a {@code FAULT |} line.
 */
class HostileConnectionsIT extends ServerWorlds {
  private static final int HELD = 300;

  @Override
  ServerUnderTest.Mode mode() {
    return ServerUnderTest.Mode.WEBHOOK;
  }

  @Override
  ServerUnderTest.Backend backend() {
    return ServerUnderTest.Backend.H2_IN_PROCESS;
  }

  /**
   * The request line and first header sent one byte every 200 ms (a slow client, not an idle one,
   * about 8 s): it is answered (401, its secret is wrong) without a 5xx, and the server answers
   * others meanwhile.
   */
  @Test
  void aRequestSentSlowlyIsAnsweredAndHoldsNoOneElseUp() throws Exception {
    String body = "{\"update_id\":1,\"unknown\":true}";
    String request =
        "POST /webhook HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + "X-Telegram-Bot-Api-Secret-Token: wrong\r\nContent-Length: "
            + body.length()
            + "\r\nConnection: close\r\n\r\n"
            + body;
    byte[] bytes = request.getBytes(StandardCharsets.US_ASCII);
    try (Socket socket = new Socket("127.0.0.1", it.server.port())) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      long began = System.nanoTime();
      long healthMillis = -1;
      for (int i = 0; i < bytes.length; i++) {
        out.write(bytes[i]);
        out.flush();
        if (i < 40) {
          Thread.sleep(200);
          if (i == 20) {
            long asked = System.nanoTime();
            assertThat(it.get("/health").statusCode()).as("/health meanwhile").isEqualTo(200);
            healthMillis = (System.nanoTime() - asked) / 1_000_000;
          }
        }
      }
      String answer = readAll(socket.getInputStream());
      long took = (System.nanoTime() - began) / 1_000_000;
      System.out.printf(
          "FAULT | request sent one byte per 200 ms: answered '%s' after %d ms; /health meanwhile"
              + " in %d ms | 5xx 0%n",
          answer.lines().findFirst().orElse(""), took, healthMillis);
      assertThat(answer).startsWith("HTTP/1.1 401");
    }
  }

  /**
   * 300 connections held open with an unfinished request: a join is still delivered and handled
   * (the joiner muted once), and the server closes the held connections by its idle timeout.
   */
  @Test
  void manyHeldConnectionsDoNotStopTheWebhook() throws Exception {
    World w = new World().protect();
    List<Socket> held = new ArrayList<>();
    try {
      for (int i = 0; i < HELD; i++) {
        Socket socket = new Socket("127.0.0.1", it.server.port());
        socket
            .getOutputStream()
            .write("POST /webhook HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        held.add(socket);
      }
      int answersBefore = it.sim.webhookAnswers().size();
      SimUser joiner = w.user("HeldJoiner");
      joiner.joins(w.group);
      it.awaitUpdatesTaken();
      await().atMost(Duration.ofSeconds(20)).until(() -> w.group.isMuted(joiner));
      List<Answer> answers =
          it.sim.webhookAnswers().subList(answersBefore, it.sim.webhookAnswers().size()).stream()
              .map(a -> new Answer(a.status(), a.took().toMillis()))
              .toList();
      int closed = 0;
      long closeBegan = System.nanoTime();
      for (Socket socket : held) {
        socket.setSoTimeout(30_000);
        try {
          readAll(socket.getInputStream());
          closed++;
        } catch (IOException e) {
          closed++; // reset by the server
        }
      }
      long closeTook = (System.nanoTime() - closeBegan) / 1_000_000;
      long serverErrors =
          answers.stream().filter(a -> a.status() >= 500 || a.status() == 0).count();
      System.out.printf(
          "FAULT | %d held connections: the join answered %s meanwhile, muted once: %d"
              + " | 5xx %d | %d of %d held connections closed by the server within %d ms%n",
          HELD,
          answers,
          it.sim.calls().of("restrictChatMember", joiner.id()).size(),
          serverErrors,
          closed,
          HELD,
          closeTook);
      assertThat(serverErrors).as("5xx answers").isZero();
      assertThat(it.sim.calls().of("restrictChatMember", joiner.id())).hasSize(1);
      assertThat(closed).as("held connections closed by the server").isEqualTo(HELD);
      assertThat(closeTook).as("all closed within 30 s").isLessThan(30_000);
    } finally {
      for (Socket socket : held) {
        socket.close();
      }
    }
  }

  private record Answer(int status, long millis) {}

  private static String readAll(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
  }
}
