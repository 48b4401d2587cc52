package dev.gmbot.app.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.port.in.HandleEventUseCase;
import dev.gmbot.port.in.HandlingResult;
import dev.gmbot.port.in.InboundEvent;
import dev.gmbot.port.in.MessagePosted;
import dev.gmbot.port.in.Sender;
import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.ChatType;
import dev.gmbot.port.model.MessageId;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.model.UserRef;
import dev.gmbot.port.out.BotApiRejectedException;
import dev.gmbot.port.out.StorageUnavailableException;
import dev.gmbot.port.out.TransientBotApiException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UpdateIngestionTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
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
        new ChatRef(ChatId.of(-100L), ChatType.SUPERGROUP, "g", Optional.empty()),
        MessageId.of(1),
        new Sender.User(new UserRef(UserId.of(7), "Alice", Optional.empty(), false)),
        false);
  }

  private static final UpdateDecoder DECODER =
      body -> {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.equals("ignored")) {
          return Optional.empty();
        }
        try {
          return Optional.of(message(Long.parseLong(text)));
        } catch (NumberFormatException e) {
          throw new MalformedUpdateException("not a number");
        }
      };

  private UpdateIngestion ingestion(Duration deadline) {
    ingestion =
        new UpdateIngestion(
            event -> guard.handle(event), DECODER, deadline, Duration.ofSeconds(5), registry);
    return ingestion;
  }

  @AfterEach
  void close() {
    if (ingestion != null) {
      ingestion.close();
    }
  }

  @Test
  void handledUpdateIsAcknowledged() {
    Outcome outcome = ingestion(Duration.ofSeconds(5)).submit(bytes("41")).join();

    assertThat(outcome.kind()).isEqualTo(Outcome.Kind.HANDLED);
    assertThat(outcome.kind().httpStatus()).isEqualTo(200);
    assertThat(outcome.result().orElseThrow().effects()).containsExactly("restricted 7");
    assertThat(handled).hasSize(1);
  }

  @Test
  void malformedBodyIs400AndReachesNoHandler() {
    Outcome outcome = ingestion(Duration.ofSeconds(5)).submit(bytes("{oops")).join();

    assertThat(outcome.kind()).isEqualTo(Outcome.Kind.MALFORMED);
    assertThat(outcome.kind().httpStatus()).isEqualTo(400);
    assertThat(handled).isEmpty();
  }

  @Test
  void updateForNobodyIsAcknowledgedWithoutHandling() {
    Outcome outcome = ingestion(Duration.ofSeconds(5)).submit(bytes("ignored")).join();

    assertThat(outcome.kind()).isEqualTo(Outcome.Kind.IGNORED);
    assertThat(outcome.acknowledged()).isTrue();
    assertThat(handled).isEmpty();
  }

  @Test
  void duplicateIsAcknowledged() {
    guard = event -> HandlingResult.duplicateUpdate();

    Outcome outcome = ingestion(Duration.ofSeconds(5)).submit(bytes("41")).join();

    assertThat(outcome.kind()).isEqualTo(Outcome.Kind.DUPLICATE);
    assertThat(outcome.acknowledged()).isTrue();
  }

  @Test
  void storageFailureIs503SoTelegramRedelivers() {
    guard =
        event -> {
          throw new StorageUnavailableException("db down", new RuntimeException());
        };

    Outcome outcome = ingestion(Duration.ofSeconds(5)).submit(bytes("41")).join();

    assertThat(outcome.kind()).isEqualTo(Outcome.Kind.FAILED);
    assertThat(outcome.kind().httpStatus()).isEqualTo(503);
  }

  @Test
  void anUpdateInProgressElsewhereIs503AndNeverDropped() {
    guard =
        event -> {
          throw new dev.gmbot.port.in.UpdateInProgressException(event.updateId());
        };

    for (int i = 0; i <= UpdateIngestion.MAX_UNEXPECTED_FAILURES; i++) {
      Outcome outcome = ingestion(Duration.ofSeconds(5)).submit(bytes("41")).join();

      assertThat(outcome.kind()).isEqualTo(Outcome.Kind.FAILED);
      assertThat(outcome.kind().httpStatus()).isEqualTo(503);
    }
  }

  @Test
  void transientBotApiFailureIs503SoTelegramRedelivers() {
    guard =
        event -> {
          throw new TransientBotApiException(
              "restrictChatMember", "timeout", java.util.OptionalInt.empty(), null);
        };

    Outcome outcome = ingestion(Duration.ofSeconds(5)).submit(bytes("41")).join();

    assertThat(outcome.kind()).isEqualTo(Outcome.Kind.FAILED);
    assertThat(outcome.acknowledged()).isFalse();
  }

  @Test
  void permanentRefusalIsAcknowledgedSoItCannotBlockTheChatsQueue() {
    guard =
        event -> {
          throw new BotApiRejectedException(
              "sendMessage", BotApiRejectedException.Reason.OTHER, 400, "Bad Request: whatever");
        };

    Outcome outcome = ingestion(Duration.ofSeconds(5)).submit(bytes("41")).join();

    assertThat(outcome.kind()).isEqualTo(Outcome.Kind.DROPPED);
    assertThat(outcome.acknowledged()).isTrue();
  }

  @Test
  void unexpectedFailureIsRedeliveredAFewTimesThenDropped() {
    guard =
        event -> {
          throw new IllegalStateException("a bug");
        };
    UpdateIngestion ingestion = ingestion(Duration.ofSeconds(5));

    List<Outcome.Kind> kinds = new ArrayList<>();
    for (int i = 0; i < UpdateIngestion.MAX_UNEXPECTED_FAILURES; i++) {
      kinds.add(ingestion.process(bytes("41")).kind());
    }

    assertThat(kinds)
        .containsExactly(Outcome.Kind.FAILED, Outcome.Kind.FAILED, Outcome.Kind.DROPPED);
    assertThat(ingestion.process(bytes("42")).kind()).isEqualTo(Outcome.Kind.FAILED);
  }

  @Test
  void updateNotDoneByTheDeadlineIs503() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    guard =
        event -> {
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return HandlingResult.of(List.of());
        };

    Outcome outcome = ingestion(Duration.ofMillis(50)).submit(bytes("41")).join();
    release.countDown();

    assertThat(outcome.kind()).isEqualTo(Outcome.Kind.TIMED_OUT);
    assertThat(outcome.kind().httpStatus()).isEqualTo(503);
  }

  @Test
  void closeWaitsForUpdatesInFlightAndRefusesNewOnes() throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    guard =
        event -> {
          started.countDown();
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return HandlingResult.of(List.of("done"));
        };
    UpdateIngestion ingestion = ingestion(Duration.ofSeconds(10));
    var inFlight = ingestion.submit(bytes("41"));
    started.await(5, TimeUnit.SECONDS);

    Thread closer = Thread.ofVirtual().start(ingestion::close);
    org.awaitility.Awaitility.await().until(() -> !ingestion.accepting());
    Outcome refused = ingestion.submit(bytes("42")).join();
    release.countDown();
    closer.join();

    assertThat(refused.kind()).isEqualTo(Outcome.Kind.REFUSED);
    assertThat(inFlight.join().kind()).isEqualTo(Outcome.Kind.HANDLED);
  }

  @Test
  void listenersSeeEveryOutcome() {
    List<Outcome> seen = new ArrayList<>();
    UpdateIngestion ingestion = ingestion(Duration.ofSeconds(5));
    ingestion.addListener((event, outcome) -> seen.add(outcome));

    ingestion.process(bytes("41"));
    ingestion.process(bytes("bad"));

    assertThat(seen)
        .extracting(Outcome::kind)
        .containsExactly(Outcome.Kind.HANDLED, Outcome.Kind.MALFORMED);
    assertThat(registry.get("bot_updates_received").tag("outcome", "malformed").counter().count())
        .isEqualTo(1.0);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
