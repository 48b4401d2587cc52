package dev.gmbot.adapter.telegram.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmbot.adapter.telegram.TelegramUpdateDecoder;
import dev.gmbot.adapter.telegram.webhook.UpdateOutcome.Kind;
import dev.gmbot.port.in.HandleEventUseCase;
import dev.gmbot.port.in.HandlingResult;
import dev.gmbot.port.in.InboundEvent;
import dev.gmbot.port.in.MessagePosted;
import dev.gmbot.port.in.UpdateInProgressException;
import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.out.BotApiRejectedException;
import dev.gmbot.port.out.FloodWaitException;
import dev.gmbot.port.out.NonBlocking;
import dev.gmbot.port.out.StorageUnavailableException;
import dev.gmbot.port.out.TransientBotApiException;
import dev.gmbot.port.out.WouldBlockException;
import dev.gmbot.testkit.fake.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The decode, handle and outcome core both transports use, with the real decoder. */
class UpdateProcessorTest {
  private final MutableClock clock = MutableClock.atEpochOfTests();
  private final List<InboundEvent> handled = new CopyOnWriteArrayList<>();
  private final List<UpdateOutcome> observed = new CopyOnWriteArrayList<>();
  private HandleEventUseCase guard =
      event -> {
        handled.add(event);
        return HandlingResult.of(List.of("restricted 7"));
      };
  private final UpdateProcessor processor =
      new UpdateProcessor(
          new TelegramUpdateDecoder(clock), event -> guard.handle(event), observed::add, clock);

  static byte[] message(long updateId) {
    return ("{\"update_id\":"
            + updateId
            + ",\"message\":{\"message_id\":1,\"date\":1700000000,"
            + "\"chat\":{\"id\":-1001234567890,\"type\":\"supergroup\",\"title\":\"G\"},"
            + "\"from\":{\"id\":7,\"is_bot\":false,\"first_name\":\"Alice\"},\"text\":\"hi\"}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aHandledUpdateIsAcknowledgedWithTheDomainsResult() {
    UpdateOutcome outcome = processor.process(message(41));

    assertThat(outcome.kind()).isEqualTo(Kind.HANDLED);
    assertThat(outcome.kind().httpStatus()).isEqualTo(200);
    assertThat(outcome.updateId()).hasValue(41);
    assertThat(outcome.updateType()).isEqualTo("message");
    assertThat(outcome.chatId()).hasValue(-1001234567890L);
    assertThat(outcome.result().orElseThrow().effects()).containsExactly("restricted 7");
    assertThat(handled).singleElement().isInstanceOf(MessagePosted.class);
  }

  @Test
  void aMalformedBodyIs400AndReachesNoHandler() {
    UpdateOutcome outcome = processor.process(bytes("{oops"));

    assertThat(outcome.kind()).isEqualTo(Kind.MALFORMED);
    assertThat(outcome.kind().httpStatus()).isEqualTo(400);
    assertThat(outcome.detail()).doesNotContain("oops");
    assertThat(handled).isEmpty();
  }

  @Test
  void anUpdateForNobodyIsAcknowledgedWithoutHandling() {
    UpdateOutcome outcome =
        processor.process(
            bytes(
                "{\"update_id\":5,\"channel_post\":{\"message_id\":1,\"date\":1,"
                    + "\"chat\":{\"id\":-100777,\"type\":\"channel\"}}}"));

    assertThat(outcome.kind()).isEqualTo(Kind.IGNORED);
    assertThat(outcome.acknowledged()).isTrue();
    assertThat(handled).isEmpty();
  }

  @Test
  void insideAnAttemptThatTrippedTheFailureIsNoOutcomeAndGoesBackToTheCaller() {
    guard =
        event -> {
          NonBlocking.check("a test's database");
          return HandlingResult.of(List.of());
        };

    try (NonBlocking.Attempt attempt = NonBlocking.attempt()) {
      assertThatThrownBy(() -> processor.process(message(41)))
          .isInstanceOf(WouldBlockException.class);
      assertThat(attempt.tripped()).isTrue();
    }
    assertThat(observed).as("nothing counted, nothing logged as a failure").isEmpty();

    UpdateOutcome again = processor.process(message(41));
    assertThat(again.kind()).as("handled where waiting is allowed").isEqualTo(Kind.HANDLED);
  }

  @Test
  void aRefusalOutsideAnAttemptIsAnOrdinaryFailure() {
    guard =
        event -> {
          throw new WouldBlockException("a port that misread its thread");
        };

    UpdateOutcome outcome = processor.process(message(41));

    assertThat(outcome.kind()).isEqualTo(Kind.FAILED);
    assertThat(observed).extracting(UpdateOutcome::kind).containsExactly(Kind.FAILED);
  }

  @Test
  void aDuplicateIsAcknowledged() {
    guard = event -> HandlingResult.duplicateUpdate();

    UpdateOutcome outcome = processor.process(message(41));

    assertThat(outcome.kind()).isEqualTo(Kind.DUPLICATE);
    assertThat(outcome.acknowledged()).isTrue();
  }

  @Test
  void aStorageFailureIs503SoTelegramRedelivers() {
    guard =
        event -> {
          throw new StorageUnavailableException("db down", new RuntimeException());
        };

    UpdateOutcome outcome = processor.process(message(41));

    assertThat(outcome.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(outcome.kind().httpStatus()).isEqualTo(503);
    assertThat(outcome.retryAfter()).isEmpty();
  }

  @Test
  void anUpdateInProgressElsewhereIs503AndNeverDropped() {
    guard =
        event -> {
          throw new UpdateInProgressException(event.updateId());
        };

    for (int i = 0; i <= UpdateProcessor.MAX_UNEXPECTED_FAILURES; i++) {
      assertThat(processor.process(message(41)).kind()).isEqualTo(Kind.UNAVAILABLE);
    }
  }

  @Test
  void aTransientBotApiFailureIs503SoTelegramRedelivers() {
    guard =
        event -> {
          throw new TransientBotApiException(
              "restrictChatMember", "timeout", OptionalInt.empty(), null);
        };

    UpdateOutcome outcome = processor.process(message(41));

    assertThat(outcome.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(outcome.acknowledged()).isFalse();
  }

  @Test
  void aFloodWaitIs503WithTelegramsRetryAfter() {
    guard =
        event -> {
          throw new FloodWaitException(
              "sendMessage", Optional.of(ChatId.of(-1001234567890L)), Duration.ofSeconds(17));
        };

    UpdateOutcome outcome = processor.process(message(41));

    assertThat(outcome.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(outcome.retryAfter()).contains(Duration.ofSeconds(17));
  }

  @Test
  void aPermanentRefusalIsAcknowledgedSoItCannotBlockTheChatsQueue() {
    guard =
        event -> {
          throw new BotApiRejectedException(
              "sendMessage", BotApiRejectedException.Reason.OTHER, 400, "Bad Request: whatever");
        };

    UpdateOutcome outcome = processor.process(message(41));

    assertThat(outcome.kind()).isEqualTo(Kind.REJECTED);
    assertThat(outcome.kind().httpStatus()).isEqualTo(200);
  }

  @Test
  void anUnexpectedFailureIsRedeliveredAFewTimesThenDropped() {
    guard =
        event -> {
          throw new IllegalStateException("a bug");
        };

    List<Kind> kinds = new ArrayList<>();
    for (int i = 0; i < UpdateProcessor.MAX_UNEXPECTED_FAILURES; i++) {
      kinds.add(processor.process(message(41)).kind());
    }

    assertThat(kinds).containsExactly(Kind.FAILED, Kind.FAILED, Kind.DROPPED);
    assertThat(Kind.FAILED.httpStatus()).isEqualTo(500);
    assertThat(Kind.DROPPED.httpStatus()).isEqualTo(200);
    assertThat(processor.process(message(42)).kind())
        .as("another update starts its own count")
        .isEqualTo(Kind.FAILED);
  }

  @Test
  void theFirstUnexpectedFailureOfAnUpdateIsToldOnceAcrossItsRedeliveries() {
    RuntimeException bug = new IllegalStateException("a bug");
    guard =
        event -> {
          throw bug;
        };
    List<String> told = new CopyOnWriteArrayList<>();
    UpdateProcessor tracked =
        new UpdateProcessor(
            new TelegramUpdateDecoder(clock),
            event -> guard.handle(event),
            new UpdateObserver() {
              @Override
              public void processed(UpdateOutcome outcome) {
                told.add("processed " + outcome.kind().label());
              }

              @Override
              public void failedUnexpectedly(UpdateOutcome outcome, RuntimeException failure) {
                assertThat(failure).isSameAs(bug);
                told.add(
                    "failure of "
                        + outcome.updateId().orElseThrow()
                        + " in "
                        + outcome.chatId().orElseThrow());
              }
            },
            clock);

    for (int i = 0; i < UpdateProcessor.MAX_UNEXPECTED_FAILURES; i++) {
      tracked.process(message(41));
    }
    tracked.process(message(42));

    assertThat(told)
        .containsExactly(
            "failure of 41 in -1001234567890",
            "processed failed",
            "processed failed",
            "processed dropped",
            "failure of 42 in -1001234567890",
            "processed failed");
  }

  @Test
  void expectedFailuresAreNeverToldAsUnexpected() {
    List<UpdateOutcome> failures = new CopyOnWriteArrayList<>();
    UpdateObserver observer =
        new UpdateObserver() {
          @Override
          public void processed(UpdateOutcome outcome) {}

          @Override
          public void failedUnexpectedly(UpdateOutcome outcome, RuntimeException failure) {
            failures.add(outcome);
          }
        };
    List<RuntimeException> thrown =
        List.of(
            new StorageUnavailableException("db down", null),
            new UpdateInProgressException(41),
            new TransientBotApiException("getChatMember", "timeout", OptionalInt.empty(), null),
            new BotApiRejectedException(
                "sendMessage", BotApiRejectedException.Reason.OTHER, 400, "Bad Request: x"));
    for (RuntimeException e : thrown) {
      new UpdateProcessor(
              new TelegramUpdateDecoder(clock),
              event -> {
                throw e;
              },
              observer,
              clock)
          .process(message(41));
    }

    assertThat(failures).isEmpty();
  }

  @Test
  void anObserverThatFailsOnTheFailureDoesNotChangeTheOutcome() {
    UpdateProcessor tracked =
        new UpdateProcessor(
            new TelegramUpdateDecoder(clock),
            event -> {
              throw new IllegalStateException("a bug");
            },
            new UpdateObserver() {
              @Override
              public void processed(UpdateOutcome outcome) {}

              @Override
              public void failedUnexpectedly(UpdateOutcome outcome, RuntimeException failure) {
                throw new IllegalStateException("tracker down");
              }
            },
            clock);

    assertThat(tracked.process(message(41)).kind()).isEqualTo(Kind.FAILED);
  }

  @Test
  void thePollersPathHandlesADecodedEventTheSameWay() {
    guard =
        event -> {
          throw new StorageUnavailableException("db down", null);
        };
    InboundEvent event = handledEvent();

    UpdateOutcome outcome = processor.handle(event);

    assertThat(outcome.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(outcome.updateId()).hasValue(41);
  }

  @Test
  void theObserverSeesEveryOutcomeAndCannotBreakOne() {
    processor.process(message(41));
    processor.process(bytes("bad"));

    assertThat(observed)
        .extracting(UpdateOutcome::kind)
        .containsExactly(Kind.HANDLED, Kind.MALFORMED);

    UpdateProcessor failing =
        new UpdateProcessor(
            new TelegramUpdateDecoder(clock),
            event -> HandlingResult.of(List.of()),
            outcome -> {
              throw new IllegalStateException("observer bug");
            },
            clock);
    assertThat(failing.process(message(43)).kind()).isEqualTo(Kind.HANDLED);
  }

  private InboundEvent handledEvent() {
    List<InboundEvent> seen = new ArrayList<>();
    new UpdateProcessor(
            new TelegramUpdateDecoder(clock),
            event -> {
              seen.add(event);
              return HandlingResult.of(List.of());
            },
            UpdateObserver.NONE,
            clock)
        .process(message(41));
    return seen.get(0);
  }
}
