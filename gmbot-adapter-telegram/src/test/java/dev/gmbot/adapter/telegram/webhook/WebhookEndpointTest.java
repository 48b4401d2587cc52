package dev.gmbot.adapter.telegram.webhook;

import static dev.gmbot.adapter.telegram.webhook.UpdateProcessorTest.bytes;
import static dev.gmbot.adapter.telegram.webhook.UpdateProcessorTest.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmbot.adapter.telegram.TelegramUpdateDecoder;
import dev.gmbot.adapter.telegram.webhook.UpdateOutcome.Kind;
import dev.gmbot.port.config.ConfigReader;
import dev.gmbot.port.config.ConfigurationException;
import dev.gmbot.port.in.ButtonPressed;
import dev.gmbot.port.in.HandleEventUseCase;
import dev.gmbot.port.in.HandlingResult;
import dev.gmbot.port.in.InboundEvent;
import dev.gmbot.port.in.UpdateInProgressException;
import dev.gmbot.port.model.CallbackAnswer;
import dev.gmbot.port.out.FloodWaitException;
import dev.gmbot.port.out.StorageUnavailableException;
import dev.gmbot.testkit.fake.FakeTelegram;
import dev.gmbot.testkit.fake.InMemoryUpdateLog;
import dev.gmbot.testkit.fake.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The webhook contract both deployables answer Telegram with: the secret, the checks, the statuses,
 * Retry-After, poison updates and the webhook reply, through the real decoder and a use case that
 * deduplicates with an update log (as the guard does).
 */
class WebhookEndpointTest {
  private static final String SECRET = "s3cr3t-Token_for-tests";
  private static final String CALLBACK =
      "{\"update_id\":900000007,\"callback_query\":{\"id\":\"4772364183527481234\","
          + "\"from\":{\"id\":111111111,\"is_bot\":false,\"first_name\":\"Alice\"},"
          + "\"chat_instance\":\"1\",\"data\":\"verify:111111111\"}}";

  private final MutableClock clock = MutableClock.atEpochOfTests();
  private final InMemoryUpdateLog log = new InMemoryUpdateLog(clock);
  private final List<InboundEvent> handled = new CopyOnWriteArrayList<>();
  private final List<UpdateOutcome> observed = new CopyOnWriteArrayList<>();
  private final List<String> replied = new CopyOnWriteArrayList<>();
  private final FakeTelegram telegram = FakeTelegram.withDefaultBot();
  private final WebhookReplySlot slot = new WebhookReplySlot(true, m -> {});
  private final ReplyingTelegram replying =
      new ReplyingTelegram(slot, telegram, telegram, telegram, telegram, telegram);
  private RuntimeException failure;
  private boolean alwaysFail;

  /** Claims the update id like the guard: a redelivery of a handled update is a duplicate. */
  private final HandleEventUseCase guard =
      event -> {
        switch (log.begin(event.updateId(), Duration.ofMinutes(15))) {
          case DONE -> {
            return HandlingResult.duplicateUpdate();
          }
          case IN_PROGRESS -> throw new UpdateInProgressException(event.updateId());
          case CLAIMED -> {}
        }
        try {
          if (alwaysFail) {
            throw new IllegalStateException("a bug in the domain");
          }
          if (failure != null) {
            RuntimeException f = failure;
            failure = null;
            throw f;
          }
          if (event instanceof ButtonPressed b) {
            replying.answerCallback(CallbackAnswer.toast(b.callbackQueryId(), "Verified"));
          }
          handled.add(event);
          log.complete(event.updateId(), Duration.ofHours(25));
          return HandlingResult.of(List.of("handled " + event.updateId()));
        } catch (RuntimeException e) {
          log.release(event.updateId());
          throw e;
        }
      };

  private final UpdateObserver observer =
      new UpdateObserver() {
        @Override
        public void processed(UpdateOutcome outcome) {
          observed.add(outcome);
        }

        @Override
        public void repliedInResponse(String method) {
          replied.add(method);
        }
      };

  private final WebhookEndpoint endpoint =
      new WebhookEndpoint(
          SECRET,
          4096,
          new UpdateProcessor(new TelegramUpdateDecoder(clock), guard, observer, clock),
          slot);

  private WebhookResponse post(String secret, byte[] body) {
    return endpoint.handle(WebhookRequest.of("POST", Optional.ofNullable(secret), body));
  }

  @Test
  void aHandledUpdateIs200AndSaysSo() {
    WebhookResponse response = post(SECRET, message(41));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"ok\":true,\"outcome\":\"handled\"}");
    assertThat(handled).hasSize(1);
    assertThat(observed).extracting(UpdateOutcome::kind).containsExactly(Kind.HANDLED);
  }

  @Test
  void aWrongOrMissingSecretIs401AndNothingIsDecoded() {
    WebhookResponse wrong = post("guess", bytes("{not even json"));
    WebhookResponse missing = post(null, message(41));
    WebhookResponse longer = post(SECRET + "x", message(41));

    assertThat(List.of(wrong.status(), missing.status(), longer.status())).containsOnly(401);
    assertThat(handled).isEmpty();
    assertThat(observed).extracting(UpdateOutcome::kind).containsOnly(Kind.UNAUTHORIZED);
  }

  @Test
  void onlyPostIsAccepted() {
    WebhookResponse get =
        endpoint.handle(WebhookRequest.of("GET", Optional.of(SECRET), message(41)));
    WebhookResponse unknown =
        endpoint.handle(WebhookRequest.of("", Optional.of(SECRET), message(42)));

    assertThat(get.status()).isEqualTo(405);
    assertThat(get.headers()).containsEntry("Allow", "POST");
    assertThat(unknown.status()).as("a front that does not say the method").isEqualTo(200);
  }

  @Test
  void emptyUndecodableOrBadBase64BodiesAre400() {
    assertThat(post(SECRET, new byte[0]).status()).isEqualTo(400);
    assertThat(post(SECRET, bytes("<html>hello</html>")).status()).isEqualTo(400);
    assertThat(post(SECRET, bytes("<html>hello</html>")).body())
        .isEqualTo("{\"ok\":false,\"outcome\":\"malformed\"}");
    assertThat(
            endpoint
                .handle(WebhookRequest.encoded("POST", Optional.of(SECRET), "{not base64!}", true))
                .status())
        .isEqualTo(400);
    assertThat(observed).extracting(UpdateOutcome::detail).noneMatch(d -> d.contains("hello"));
    assertThat(handled).isEmpty();
  }

  @Test
  void aBase64BodyIsDecodedFirst() {
    String encoded = Base64.getEncoder().encodeToString(message(41));

    WebhookResponse response =
        endpoint.handle(WebhookRequest.encoded("POST", Optional.of(SECRET), encoded, true));

    assertThat(response.status()).isEqualTo(200);
    assertThat(handled).extracting(InboundEvent::updateId).containsExactly(41L);
  }

  @Test
  void aBodyOverTheLimitIs413() {
    byte[] huge = ("{\"update_id\":1,\"pad\":\"" + "x".repeat(5000) + "\"}").getBytes();

    assertThat(post(SECRET, huge).status()).isEqualTo(413);
    assertThat(observed).extracting(UpdateOutcome::kind).containsExactly(Kind.TOO_LARGE);
  }

  @Test
  void aDuplicateDeliveryIsHandledOnce() {
    assertThat(post(SECRET, message(41)).status()).isEqualTo(200);
    assertThat(post(SECRET, message(41)).status()).isEqualTo(200);

    assertThat(handled).hasSize(1);
    assertThat(observed)
        .extracting(UpdateOutcome::kind)
        .containsExactly(Kind.HANDLED, Kind.DUPLICATE);
  }

  @Test
  void storageDownIs503WithRetryAfterAndTheRedeliveryIsProcessed() {
    failure = new StorageUnavailableException("database down", null);

    WebhookResponse failed = post(SECRET, message(41));
    WebhookResponse redelivered = post(SECRET, message(41));

    assertThat(failed.status()).isEqualTo(503);
    assertThat(failed.headers()).containsEntry("Retry-After", "1");
    assertThat(redelivered.status()).isEqualTo(200);
    assertThat(handled).hasSize(1);
  }

  @Test
  void aFloodWaitAsksTelegramToWaitAsLongAsTheBotApiSaid() {
    failure = new FloodWaitException("sendMessage", Optional.empty(), Duration.ofMillis(4200));

    WebhookResponse response = post(SECRET, message(41));

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.headers()).containsEntry("Retry-After", "5");
  }

  @Test
  void anUpdateInProgressElsewhereIs503AndNeverDropped() {
    log.begin(41, Duration.ofMinutes(15)); // another instance is handling it

    List<Integer> statuses = new ArrayList<>();
    for (int attempt = 0; attempt < 4; attempt++) {
      statuses.add(post(SECRET, message(41)).status());
    }
    log.release(41);

    assertThat(statuses).containsOnly(503);
    assertThat(post(SECRET, message(41)).status()).isEqualTo(200);
    assertThat(handled).hasSize(1);
  }

  @Test
  void anUpdateThatFailsUnexpectedlyThreeTimesIsDropped() {
    alwaysFail = true;

    List<Integer> statuses = new ArrayList<>();
    for (int attempt = 0; attempt < UpdateProcessor.MAX_UNEXPECTED_FAILURES; attempt++) {
      statuses.add(post(SECRET, message(41)).status());
    }

    assertThat(statuses).containsExactly(500, 500, 200);
    assertThat(observed).last().extracting(UpdateOutcome::kind).isEqualTo(Kind.DROPPED);
  }

  @Test
  void theLastFireAndForgetCallTravelsInTheResponseBody() {
    WebhookResponse response = post(SECRET, CALLBACK.getBytes(StandardCharsets.UTF_8));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers()).containsEntry("Content-Type", "application/json");
    assertThat(response.body())
        .isEqualTo(
            "{\"method\":\"answerCallbackQuery\",\"callback_query_id\":\"4772364183527481234\","
                + "\"text\":\"Verified\"}");
    assertThat(telegram.calls("answerCallbackQuery")).isEmpty();
    assertThat(replied).containsExactly("answerCallbackQuery");
  }

  @Test
  void aFailedUpdateDropsTheHeldCall() {
    HandleEventUseCase failsAfterAnswering =
        event -> {
          replying.answerCallback(CallbackAnswer.toast("q", "Verified"));
          throw new StorageUnavailableException("database down", null);
        };
    WebhookEndpoint failing =
        new WebhookEndpoint(
            SECRET,
            4096,
            new UpdateProcessor(
                new TelegramUpdateDecoder(clock), failsAfterAnswering, observer, clock),
            slot);

    WebhookResponse response =
        failing.handle(
            WebhookRequest.of(
                "POST", Optional.of(SECRET), CALLBACK.getBytes(StandardCharsets.UTF_8)));

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.body()).doesNotContain("answerCallbackQuery");
    assertThat(slot.finish()).isEmpty();
    assertThat(replied).isEmpty();
  }

  @Test
  void withTheSlotDisabledEveryCallIsSentAtOnce() {
    WebhookReplySlot off = WebhookReplySlot.disabled();
    ReplyingTelegram direct =
        new ReplyingTelegram(off, telegram, telegram, telegram, telegram, telegram);
    WebhookEndpoint plain =
        new WebhookEndpoint(
            SECRET,
            4096,
            new UpdateProcessor(
                new TelegramUpdateDecoder(clock),
                event -> {
                  direct.answerCallback(CallbackAnswer.toast("q", "Verified"));
                  return HandlingResult.of(List.of());
                },
                observer,
                clock),
            off);

    WebhookResponse response =
        plain.handle(
            WebhookRequest.of(
                "POST", Optional.of(SECRET), CALLBACK.getBytes(StandardCharsets.UTF_8)));

    assertThat(response.body()).doesNotContain("method");
    assertThat(telegram.calls("answerCallbackQuery")).hasSize(1);
  }

  @Test
  void everyNonSuccessNamesItsOutcomeAndEvery503SaysWhenToRetry() {
    for (Kind kind : Kind.values()) {
      WebhookResponse response = WebhookResponse.of(UpdateOutcome.of(kind, "x"));

      assertThat(response.status()).as(kind.name()).isEqualTo(kind.httpStatus());
      assertThat(response.body())
          .isEqualTo(
              "{\"ok\":" + (kind.httpStatus() < 300) + ",\"outcome\":\"" + kind.label() + "\"}");
      assertThat(response.headers()).containsEntry("Content-Type", "application/json");
      assertThat(response.headers().containsKey("Retry-After"))
          .as(kind.name())
          .isEqualTo(kind.httpStatus() == 503);
    }
  }

  @Test
  void theBodyLimitIsReadWithARange() {
    assertThat(WebhookEndpoint.readMaxBodyBytes(ConfigReader.of(Map.of()))).isEqualTo(1 << 20);
    assertThat(
            WebhookEndpoint.readMaxBodyBytes(
                ConfigReader.of(Map.of("GMBOT_MAX_BODY_BYTES", "4096"))))
        .isEqualTo(4096);
    for (String bad : new String[] {"10", "many", String.valueOf((64 << 20) + 1)}) {
      assertThatThrownBy(
              () ->
                  WebhookEndpoint.readMaxBodyBytes(
                      ConfigReader.of(Map.of("GMBOT_MAX_BODY_BYTES", bad))))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageStartingWith("GMBOT_MAX_BODY_BYTES must be a whole number from 1024");
    }
  }
}
