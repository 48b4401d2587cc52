package dev.gmbot.app.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gmbot.adapter.telegram.MalformedUpdateException;
import dev.gmbot.adapter.telegram.UpdateDecoder;
import dev.gmbot.adapter.telegram.webhook.UpdateOutcome;
import dev.gmbot.adapter.telegram.webhook.UpdateOutcome.Kind;
import dev.gmbot.adapter.telegram.webhook.UpdateProcessor;
import dev.gmbot.adapter.telegram.webhook.WebhookEndpoint;
import dev.gmbot.adapter.telegram.webhook.WebhookReplySlot;
import dev.gmbot.adapter.telegram.webhook.WebhookRequest;
import dev.gmbot.adapter.telegram.webhook.WebhookResponse;
import dev.gmbot.port.in.HandleEventUseCase;
import dev.gmbot.port.in.HandlingResult;
import dev.gmbot.port.in.InboundEvent;
import dev.gmbot.port.in.MessagePosted;
import dev.gmbot.port.in.Sender;
import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.MessageId;
import dev.gmbot.port.model.UserRef;
import dev.gmbot.port.out.NonBlocking;
import dev.gmbot.port.out.StorageUnavailableException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the server adds around the shared endpoint: the attempt on the caller's thread, virtual
 * threads with a deadline for what would wait, a graceful stop, the poller's path and the counter
 * of outcomes. The webhook contract itself is tested with the endpoint in the Telegram adapter
 * (WebhookEndpointTest, UpdateProcessorTest).
 */
class UpdateIngestionTest {
  private static final String SECRET = "s3cret";

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final UpdateOutcomes outcomes = new UpdateOutcomes(registry);
  private final List<InboundEvent> handled = new ArrayList<>();
  private HandleEventUseCase guard =
      event -> {
        synchronized (handled) {
          handled.add(event);
        }
        return HandlingResult.of(List.of("restricted 7"));
      };
  private UpdateIngestion ingestion;

  private static MessagePosted message(long updateId) {
    return new MessagePosted(
        updateId,
        Instant.EPOCH,
        ChatRef.group(-100L, "g"),
        MessageId.of(1),
        new Sender.User(UserRef.of(7, "Alice")),
        false);
  }

  /** A stand-in decoder: the body is the update id. */
  private static final UpdateDecoder DECODER =
      body -> {
        try {
          return Optional.of(message(Long.parseLong(new String(body, StandardCharsets.UTF_8))));
        } catch (NumberFormatException e) {
          throw new MalformedUpdateException("not a number", OptionalLong.empty());
        }
      };

  private UpdateIngestion ingestion(Duration deadline, boolean webhook) {
    return ingestion(deadline, webhook, true);
  }

  private UpdateIngestion ingestion(Duration deadline, boolean webhook, boolean firstInline) {
    UpdateProcessor processor =
        new UpdateProcessor(DECODER, event -> guard.handle(event), outcomes, Clock.systemUTC());
    Optional<WebhookEndpoint> endpoint =
        webhook
            ? Optional.of(new WebhookEndpoint(SECRET, 1024, processor, WebhookReplySlot.disabled()))
            : Optional.empty();
    ingestion =
        new UpdateIngestion(
            endpoint, processor, outcomes, deadline, Duration.ofSeconds(5), firstInline);
    return ingestion;
  }

  private static WebhookRequest request(String body) {
    return WebhookRequest.of("POST", Optional.of(SECRET), body.getBytes(StandardCharsets.UTF_8));
  }

  @AfterEach
  void close() {
    if (ingestion != null) {
      ingestion.close();
    }
  }

  @Test
  void anUpdateThatNeedsNoWaitingIsAnsweredOnTheThreadThatReadIt() {
    List<Thread> threads = new ArrayList<>();
    guard =
        event -> {
          threads.add(Thread.currentThread());
          handled.add(event);
          return HandlingResult.of(List.of("nothing to do"));
        };

    CompletableFuture<WebhookResponse> response =
        ingestion(Duration.ofSeconds(5), true).submit(request("41"));

    assertThat(response).isDone();
    assertThat(response.join().status()).isEqualTo(200);
    assertThat(threads).containsExactly(Thread.currentThread());
    assertThat(handled).extracting(InboundEvent::updateId).containsExactly(41L);
  }

  @Test
  void anUpdateWhosePortWouldWaitIsHandledAgainOnAVirtualThreadAndCountedOnce() {
    List<UpdateOutcome> seen = new ArrayList<>();
    outcomes.addListener(seen::add);
    List<Thread> threads = new ArrayList<>();
    guard =
        event -> {
          synchronized (threads) {
            threads.add(Thread.currentThread());
          }
          NonBlocking.check("a test's database"); // what every port does before it waits
          synchronized (handled) {
            handled.add(event);
          }
          return HandlingResult.of(List.of("restricted 7"));
        };

    WebhookResponse response = ingestion(Duration.ofSeconds(5), true).submit(request("41")).join();

    assertThat(response.status()).isEqualTo(200);
    assertThat(threads).hasSize(2);
    assertThat(threads.get(0)).isSameAs(Thread.currentThread());
    assertThat(threads.get(1).isVirtual()).isTrue();
    assertThat(handled).extracting(InboundEvent::updateId).containsExactly(41L);
    assertThat(seen).extracting(UpdateOutcome::kind).containsExactly(Kind.HANDLED);
    assertThat(NonBlocking.tripped()).as("the attempt is closed").isFalse();
  }

  /** A guard whose port starts its wait and trips, and answers once resumed with its reply. */
  private HandleEventUseCase awaiting(
      CompletableFuture<String> reply, List<Thread> threads, Runnable whenResumed) {
    return event -> {
      synchronized (threads) {
        threads.add(Thread.currentThread());
      }
      if (NonBlocking.carried() instanceof String sent) {
        assertThat(sent).isEqualTo("sent 41");
        whenResumed.run();
      } else if (NonBlocking.promised()) {
        throw NonBlocking.await(reply, "sent 41", "a test's Redis");
      }
      synchronized (handled) {
        handled.add(event);
      }
      return HandlingResult.of(List.of("restricted 7"));
    };
  }

  @Test
  void anUpdateWhosePortStartedItsWaitIsTriedAgainWithoutWaitingWhenTheWaitIsOver() {
    List<UpdateOutcome> seen = new ArrayList<>();
    outcomes.addListener(seen::add);
    List<Thread> threads = new ArrayList<>();
    List<Boolean> promised = new ArrayList<>();
    CompletableFuture<String> reply = new CompletableFuture<>();
    guard = awaiting(reply, threads, () -> promised.add(NonBlocking.promised()));

    CompletableFuture<WebhookResponse> response =
        ingestion(Duration.ofSeconds(5), true).submit(request("41"));
    assertThat(response).as("waiting for the reply").isNotDone();
    reply.complete("OK");

    assertThat(response.join().status()).isEqualTo(200);
    assertThat(threads).hasSize(2);
    assertThat(threads.get(0)).isSameAs(Thread.currentThread());
    assertThat(promised).as("the second try is an attempt too").containsExactly(true);
    assertThat(handled).extracting(InboundEvent::updateId).containsExactly(41L);
    assertThat(seen).extracting(UpdateOutcome::kind).containsExactly(Kind.HANDLED);
  }

  @Test
  void readOnANettyEventLoopTheRequestIsTriedAgainOnThatLoop() throws Exception {
    io.netty.channel.DefaultEventLoop loop = new io.netty.channel.DefaultEventLoop();
    try {
      List<Thread> threads = new ArrayList<>();
      CompletableFuture<String> reply = new CompletableFuture<>();
      guard = awaiting(reply, threads, () -> {});
      UpdateIngestion server = ingestion(Duration.ofSeconds(5), true);

      CompletableFuture<WebhookResponse> response =
          loop.submit(() -> server.submit(request("41"))).get(5, TimeUnit.SECONDS);
      reply.complete("OK");

      assertThat(response.get(5, TimeUnit.SECONDS).status()).isEqualTo(200);
      assertThat(threads).hasSize(2);
      assertThat(loop.inEventLoop(threads.get(0))).isTrue();
      assertThat(loop.inEventLoop(threads.get(1))).isTrue();
    } finally {
      loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
  }

  @Test
  void aResumedAttemptThatTripsAgainGoesToAVirtualThreadAndIsCountedOnce() {
    List<UpdateOutcome> seen = new ArrayList<>();
    outcomes.addListener(seen::add);
    List<Thread> threads = new ArrayList<>();
    CompletableFuture<String> reply = CompletableFuture.completedFuture("OK");
    guard = awaiting(reply, threads, () -> NonBlocking.check("a test's Telegram"));

    WebhookResponse response = ingestion(Duration.ofSeconds(5), true).submit(request("41")).join();

    assertThat(response.status()).isEqualTo(200);
    assertThat(threads).hasSize(3);
    assertThat(threads.get(2).isVirtual()).isTrue();
    assertThat(handled).extracting(InboundEvent::updateId).containsExactly(41L);
    assertThat(seen).extracting(UpdateOutcome::kind).containsExactly(Kind.HANDLED);
  }

  @Test
  void aWaitThatDoesNotEndIsAnswered503AtTheDeadline() {
    guard = awaiting(new CompletableFuture<>(), new ArrayList<>(), () -> {});

    WebhookResponse response = ingestion(Duration.ofMillis(200), true).submit(request("41")).join();

    assertThat(response.status()).isEqualTo(503);
    assertThat(handled).isEmpty();
  }

  @Test
  void withoutTheFirstAttemptEveryRequestRunsOnAVirtualThread() {
    List<Boolean> virtual = new ArrayList<>();
    guard =
        event -> {
          synchronized (virtual) {
            virtual.add(Thread.currentThread().isVirtual());
          }
          return HandlingResult.of(List.of("nothing to do"));
        };

    WebhookResponse response =
        ingestion(Duration.ofSeconds(5), true, false).submit(request("41")).join();

    assertThat(response.status()).isEqualTo(200);
    assertThat(virtual).containsExactly(true);
  }

  @Test
  void aRefusalSwallowedOnTheWayStillSendsTheUpdateToAVirtualThread() {
    List<Boolean> virtual = new ArrayList<>();
    guard =
        event -> {
          synchronized (virtual) {
            virtual.add(Thread.currentThread().isVirtual());
          }
          try {
            NonBlocking.check("a test's Telegram");
          } catch (RuntimeException swallowed) {
            // a best-effort step that carries on
          }
          return HandlingResult.of(List.of("done"));
        };

    WebhookResponse response = ingestion(Duration.ofSeconds(5), true).submit(request("41")).join();

    assertThat(response.status()).isEqualTo(200);
    assertThat(virtual).containsExactly(false, true);
  }

  @Test
  void aFailureThatIsNotARefusalIsAnsweredOnTheSpot() {
    guard =
        event -> {
          throw new IllegalStateException("a bug");
        };

    CompletableFuture<WebhookResponse> response =
        ingestion(Duration.ofSeconds(5), true).submit(request("41"));

    assertThat(response).isDone();
    assertThat(response.join().status()).isEqualTo(500);
  }

  @Test
  void anUpdateNotDoneByTheDeadlineIs503WithRetryAfter() {
    CountDownLatch release = new CountDownLatch(1);
    guard =
        event -> {
          NonBlocking.check("a test's slow port");
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return HandlingResult.of(List.of());
        };

    WebhookResponse response = ingestion(Duration.ofMillis(50), true).submit(request("41")).join();
    release.countDown();

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.headers()).containsKey("Retry-After");
    assertThat(response.body()).contains("timed_out");
  }

  @Test
  void closeWaitsForUpdatesInFlightAndRefusesNewOnes() throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    guard =
        event -> {
          NonBlocking.check("a test's slow port");
          started.countDown();
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return HandlingResult.of(List.of("done"));
        };
    UpdateIngestion ingestion = ingestion(Duration.ofSeconds(10), true);
    CompletableFuture<WebhookResponse> inFlight = ingestion.submit(request("41"));
    started.await(5, TimeUnit.SECONDS);

    Thread closer = Thread.ofVirtual().start(ingestion::close);
    await().until(() -> !ingestion.accepting());
    WebhookResponse refused = ingestion.submit(request("42")).join();
    UpdateOutcome polled = ingestion.handle(message(43));
    release.countDown();
    closer.join();

    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.body()).contains("shutting_down");
    assertThat(polled.kind()).isEqualTo(Kind.SHUTTING_DOWN);
    assertThat(inFlight.join().status()).isEqualTo(200);
  }

  @Test
  void thePollersUpdatesTakeTheSameProcessor() {
    guard =
        event -> {
          throw new StorageUnavailableException("db down", null);
        };
    UpdateIngestion polling = ingestion(Duration.ofSeconds(5), false);

    UpdateOutcome outcome = polling.handle(message(41));

    assertThat(outcome.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(outcome.acknowledged()).isFalse();
    assertThat(polling.takesWebhooks()).isFalse();
    assertThatThrownBy(() -> polling.submit(request("41")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void everyOutcomeIsCountedAndToldToTheListeners() {
    List<UpdateOutcome> seen = new ArrayList<>();
    outcomes.addListener(seen::add);
    outcomes.addListener(
        outcome -> {
          throw new IllegalStateException("a broken listener does not break counting");
        });
    UpdateIngestion ingestion = ingestion(Duration.ofSeconds(5), true);

    ingestion.submit(request("41")).join();
    ingestion.submit(request("bad")).join();
    ingestion.submit(WebhookRequest.of("POST", Optional.of("wrong"), "42".getBytes())).join();

    assertThat(seen)
        .extracting(UpdateOutcome::kind)
        .containsExactly(Kind.HANDLED, Kind.MALFORMED, Kind.UNAUTHORIZED);
    assertThat(registry.get("bot_updates_received").tag("outcome", "malformed").counter().count())
        .isEqualTo(1.0);
    assertThat(
            registry.get("bot_updates_received").tag("outcome", "unauthorized").counter().count())
        .isEqualTo(1.0);
  }
}
