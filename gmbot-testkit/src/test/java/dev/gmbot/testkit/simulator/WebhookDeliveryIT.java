package dev.gmbot.testkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookDeliveryIT {
  record Hit(Map<String, Object> update, String secret, String contentType) {
    long updateId() {
      return (Long) update.get("update_id");
    }

    @SuppressWarnings("unchecked")
    String text() {
      Object m = update.get("message");
      return m == null ? "" : String.valueOf(((Map<String, Object>) m).get("text"));
    }
  }

  /** The bot's webhook endpoint: records hits and answers with a scripted status. */
  static final class Receiver implements AutoCloseable {
    final List<Hit> hits = new CopyOnWriteArrayList<>();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    volatile Function<Hit, Integer> answer = h -> 200;
    final HttpServer server;

    Receiver() throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.createContext(
          "/hook",
          ex -> {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try (ex) {
              Hit hit =
                  new Hit(
                      Json.parseObject(
                          new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)),
                      ex.getRequestHeaders().getFirst("X-Telegram-Bot-Api-Secret-Token"),
                      ex.getRequestHeaders().getFirst("Content-Type"));
              hits.add(hit);
              int status = answer.apply(hit);
              ex.sendResponseHeaders(status, -1);
            } finally {
              inFlight.decrementAndGet();
            }
          });
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  TelegramSimulator sim =
      TelegramSimulator.start(
          SimulatorConfig.defaults()
              .withWebhookRetry(Duration.ofMillis(50), Duration.ofMillis(200))
              .withCallbackUpdateTtl(Duration.ofMillis(600)));
  BotClient api = new BotClient(sim);
  Receiver receiver;

  @AfterEach
  void stop() {
    sim.close();
    if (receiver != null) {
      receiver.close();
    }
  }

  @Test
  void deliversWithSecretHeaderAndRetriesNon2xx() throws Exception {
    receiver = new Receiver();
    AtomicInteger failures = new AtomicInteger(2);
    receiver.answer = h -> failures.getAndDecrement() > 0 ? 500 : 200;
    api.call("setWebhook", Map.of("url", receiver.url(), "secret_token", "s3cr3t-T0ken"));
    SimUser alice = sim.newUser("Alice").startsBot();

    await().atMost(Duration.ofSeconds(10)).until(() -> sim.pendingUpdateCount() == 0);
    assertThat(receiver.hits).hasSize(3);
    assertThat(receiver.hits)
        .extracting(Hit::updateId)
        .containsOnly(receiver.hits.get(0).updateId());
    assertThat(receiver.hits)
        .allSatisfy(
            h -> {
              assertThat(h.secret()).isEqualTo("s3cr3t-T0ken");
              assertThat(h.contentType()).isEqualTo("application/json");
            });
    assertThat(receiver.hits.get(0).text()).isEqualTo("/start");
    Map<String, Object> info = api.call("getWebhookInfo").resultMap();
    assertThat(info)
        .containsEntry("pending_update_count", 0L)
        .containsEntry(
            "last_error_message", "Wrong response from the webhook: 500 Internal Server Error");
    assertThat(alice.id()).isPositive();
  }

  @Test
  void onlyOneUpdatePerChatInFlightWhileOtherChatsProceed() throws Exception {
    receiver = new Receiver();
    CountDownLatch release = new CountDownLatch(1);
    receiver.answer =
        h -> {
          if (h.text().equals("a1")) {
            try {
              release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          return 200;
        };
    SimChat a = sim.newSupergroup("A").withBotAsAdmin(AdminRights.guard());
    SimChat b = sim.newSupergroup("B").withBotAsAdmin(AdminRights.guard());
    SimUser alice = sim.newUser("Alice");
    SimUser bob = sim.newUser("Bob");
    a.withMembers(alice);
    b.withMembers(bob);
    api.call("setWebhook", Map.of("url", receiver.url(), "drop_pending_updates", true));
    alice.says(a, "a1");
    alice.says(a, "a2");
    bob.says(b, "b1");
    bob.says(b, "b2");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> texts().containsAll(List.of("a1", "b1", "b2")));
    assertThat(texts()).doesNotContain("a2"); // blocked behind a1, which is still in flight
    release.countDown();
    await().atMost(Duration.ofSeconds(10)).until(() -> texts().contains("a2"));
    List<String> order = texts();
    assertThat(order.indexOf("a1")).isLessThan(order.indexOf("a2"));
    assertThat(order.indexOf("b1")).isLessThan(order.indexOf("b2"));
  }

  @Test
  void maxConnectionsBoundsParallelDeliveries() throws Exception {
    receiver = new Receiver();
    CountDownLatch release = new CountDownLatch(1);
    receiver.answer =
        h -> {
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return 200;
        };
    api.call("setWebhook", Map.of("url", receiver.url(), "max_connections", 2));
    for (int i = 0; i < 6; i++) {
      sim.newUser("U" + i).startsBot();
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.hits.size() == 2);
    assertThat(sim.pendingUpdateCount()).isEqualTo(6);
    release.countDown();
    await().atMost(Duration.ofSeconds(10)).until(() -> sim.pendingUpdateCount() == 0);
    assertThat(receiver.hits).hasSize(6);
    assertThat(receiver.maxInFlight.get()).isLessThanOrEqualTo(2);
  }

  @Test
  void callbackUpdatesAreDroppedAfterTheirTtl() throws Exception {
    receiver = new Receiver();
    receiver.answer = h -> h.update().containsKey("callback_query") ? 502 : 200;
    SimChat group = sim.newSupergroup("G").withBotAsAdmin(AdminRights.guard());
    SimUser alice = sim.newUser("Alice");
    group.withMembers(alice);
    api.call(
        "sendMessage",
        Map.of(
            "chat_id",
            group.id(),
            "text",
            "press",
            "reply_markup",
            Map.of(
                "inline_keyboard",
                List.of(List.of(Map.of("text", "Verify", "callback_data", "v"))))));
    api.call("setWebhook", Map.of("url", receiver.url(), "drop_pending_updates", true));
    alice.presses(group.botMessages().get(0), "Verify");
    await().atMost(Duration.ofSeconds(10)).until(() -> sim.pendingUpdateCount() == 0);
    long attempts =
        receiver.hits.stream().filter(h -> h.update().containsKey("callback_query")).count();
    assertThat(attempts).isBetween(2L, 10L);
    // the user's queue is free again
    alice.says(group, "after");
    await().atMost(Duration.ofSeconds(10)).until(() -> texts().contains("after"));
  }

  @Test
  void droppedConnectionsAreRetried() throws Exception {
    receiver = new Receiver();
    AtomicInteger calls = new AtomicInteger();
    receiver.answer =
        h -> {
          if (calls.getAndIncrement() == 0) {
            throw new IllegalStateException(
                "the JDK server closes the connection without an answer");
          }
          return 200;
        };
    api.call("setWebhook", Map.of("url", receiver.url()));
    sim.newUser("Alice").startsBot();
    await().atMost(Duration.ofSeconds(10)).until(() -> sim.pendingUpdateCount() == 0);
    assertThat(receiver.hits).hasSizeGreaterThanOrEqualTo(2);
    assertThat(receiver.hits)
        .extracting(Hit::updateId)
        .containsOnly(receiver.hits.get(0).updateId());
  }

  private List<String> texts() {
    return receiver.hits.stream().map(Hit::text).filter(t -> !t.isEmpty()).toList();
  }
}
