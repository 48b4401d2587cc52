package dev.gmbot.app.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.adapter.telegram.MalformedUpdateException;
import dev.gmbot.adapter.telegram.webhook.ReplyingTelegram;
import dev.gmbot.adapter.telegram.webhook.UpdateObserver;
import dev.gmbot.adapter.telegram.webhook.UpdateProcessor;
import dev.gmbot.adapter.telegram.webhook.WebhookEndpoint;
import dev.gmbot.adapter.telegram.webhook.WebhookReplySlot;
import dev.gmbot.app.lambda.LambdaEvents.Answer;
import dev.gmbot.app.lambda.LambdaEvents.Kind;
import dev.gmbot.app.lambda.json.JsonLog;
import dev.gmbot.app.lambda.metrics.EmfMetrics;
import dev.gmbot.app.lambda.webhook.OutcomeLog;
import dev.gmbot.port.in.ButtonPressed;
import dev.gmbot.port.in.HandlingResult;
import dev.gmbot.port.in.InboundEvent;
import dev.gmbot.port.in.UpdateInProgressException;
import dev.gmbot.port.model.CallbackAnswer;
import dev.gmbot.port.model.UserRef;
import dev.gmbot.port.out.StorageUnavailableException;
import dev.gmbot.testkit.fake.FakeTelegram;
import dev.gmbot.testkit.fake.InMemoryUpdateLog;
import dev.gmbot.testkit.fake.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The handlers around the shared endpoint with a minimal decoder and a recording use case: the
 * Lambda event shapes (1.0 and 2.0, plain and base64, through the runtime's serializers), the
 * secret, statuses, duplicates, the metric and log lines and the webhook reply. The endpoint's
 * contract is tested in the Telegram adapter (WebhookEndpointTest); the real domain and adapters by
 * the end-to-end tests.
 */
class HandlerPlumbingTest {
  private static final Pattern UPDATE_ID = Pattern.compile("^\\{\"update_id\":(\\d+),");

  /** The body of every event file (a copy of the shared fixture of the same name). */
  private static final String FIXTURE = "/updates/callback_query_verify_button.json";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T21:00:00Z"));
  private final List<byte[]> decodedBodies = new CopyOnWriteArrayList<>();
  private final List<InboundEvent> handled = new CopyOnWriteArrayList<>();
  private final List<String> emf = new ArrayList<>();
  private final List<String> logLines = new ArrayList<>();
  private final FakeTelegram telegram = FakeTelegram.withDefaultBot();
  private final WebhookReplySlot slot = new WebhookReplySlot(true, m -> {});
  private final ReplyingTelegram replying =
      new ReplyingTelegram(slot, telegram, telegram, telegram, telegram, telegram);
  private final AtomicReference<RuntimeException> failNext = new AtomicReference<>();
  private boolean answerCallbacks;
  private volatile boolean alwaysFail;
  private final EmfMetrics metrics =
      new EmfMetrics("GMBot", "gmbot", java.util.Map.of(), emf::add, clock);

  private final InMemoryUpdateLog updateLog = new InMemoryUpdateLog(clock);

  private final WebhookEndpoint endpoint =
      new WebhookEndpoint(
          LambdaEvents.SECRET,
          1 << 20,
          new UpdateProcessor(
              this::decode,
              event -> {
                // Deduplicates by update id like the guard.
                if (!updateLog.claim(event.updateId(), Duration.ofHours(25))) {
                  return HandlingResult.duplicateUpdate();
                }
                try {
                  if (alwaysFail) {
                    throw new IllegalStateException("a bug in the domain");
                  }
                  RuntimeException failure = failNext.getAndSet(null);
                  if (failure != null) {
                    throw failure;
                  }
                } catch (RuntimeException e) {
                  updateLog.release(event.updateId());
                  throw e;
                }
                handled.add(event);
                if (answerCallbacks && event instanceof ButtonPressed b) {
                  replying.answerCallback(CallbackAnswer.toast(b.callbackQueryId(), "Verified"));
                }
                return HandlingResult.of(List.of("handled " + event.updateId()));
              },
              UpdateObserver.all(
                  List.of(metrics, new OutcomeLog(new JsonLog(logLines::add, clock)))),
              clock),
          slot);

  private final WebhookFunction function = new WebhookFunction(endpoint, metrics);

  private Optional<InboundEvent> decode(byte[] body) throws MalformedUpdateException {
    decodedBodies.add(body);
    Matcher m = UPDATE_ID.matcher(new String(body, StandardCharsets.UTF_8));
    if (!m.find()) {
      throw new MalformedUpdateException("not an update", OptionalLong.empty());
    }
    return Optional.of(
        new ButtonPressed(
            Long.parseLong(m.group(1)),
            clock.instant(),
            "4772364183527481234",
            UserRef.of(111111111L, "Alice"),
            Optional.empty(),
            Optional.empty(),
            "verify:111111111"));
  }

  private static String fixture() throws java.io.IOException {
    try (var in = HandlerPlumbingTest.class.getResourceAsStream(FIXTURE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void theOutboxIsDrainedAfterTheUpdateBeforeTheAnswerWithTheRemainingTime(Kind kind) {
    List<String> drains = new CopyOnWriteArrayList<>();
    WebhookFunction draining =
        new WebhookFunction(
            endpoint,
            metrics,
            remaining -> {
              drains.add(handled.size() + " handled, " + remaining.toMillis() + " ms left");
              return 1;
            });

    Answer answer = LambdaEvents.invoke(kind, LambdaEvents.raw(kind), draining);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(drains)
        .as("after the update, before the handler returned, with the context's remaining time")
        .containsExactly("1 handled, 30000 ms left");
  }

  @Test
  void aFailingDrainDoesNotChangeTheAnswer() {
    WebhookFunction failing =
        new WebhookFunction(
            endpoint,
            metrics,
            remaining -> {
              throw new StorageUnavailableException("outbox", new IllegalStateException("down"));
            });

    Answer answer =
        LambdaEvents.invoke(Kind.FUNCTION_URL_V2, LambdaEvents.raw(Kind.FUNCTION_URL_V2), failing);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(handled).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void handsTheExactUpdateBodyToTheDecoderAndAnswers200(Kind kind) throws Exception {
    Answer answer = LambdaEvents.invoke(kind, LambdaEvents.raw(kind), function);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("{\"ok\":true,\"outcome\":\"handled\"}");
    assertThat(decodedBodies).hasSize(1);
    assertThat(new String(decodedBodies.get(0), StandardCharsets.UTF_8)).isEqualTo(fixture());
    assertThat(handled).extracting(InboundEvent::updateId).containsExactly(900000007L);
    assertThat(emf).hasSize(1);
    assertThat(emf.get(0)).contains("\"outcome\":\"handled\"");
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void refusesAWrongSecretWith401WithoutDecoding(Kind kind) {
    Answer answer =
        LambdaEvents.invoke(
            kind, LambdaEvents.withSecret(LambdaEvents.raw(kind), "guess"), function);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(decodedBodies).isEmpty();
    assertThat(handled).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void refusesAMissingSecretWith401(Kind kind) {
    Answer answer =
        LambdaEvents.invoke(kind, LambdaEvents.withSecret(LambdaEvents.raw(kind), null), function);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(handled).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void answers400ForABodyThatIsNotAnUpdate(Kind kind) {
    Answer answer =
        LambdaEvents.invoke(kind, LambdaEvents.withBody(kind, "<html>hello</html>"), function);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(handled).isEmpty();
    assertThat(logLines).noneMatch(l -> l.contains("hello"));
  }

  @Test
  void answers400WhenABodyFlaggedBase64IsNotBase64() {
    String json =
        LambdaEvents.raw(Kind.FUNCTION_URL_V2_BASE64)
            .replaceFirst("\"body\": \"[^\"]*\"", "\"body\": \"{not base64!}\"");

    Answer answer = LambdaEvents.invoke(Kind.FUNCTION_URL_V2_BASE64, json, function);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(decodedBodies).isEmpty();
  }

  @Test
  void handlesADuplicateDeliveryOnce() {
    String json = LambdaEvents.raw(Kind.FUNCTION_URL_V2);

    Answer first = LambdaEvents.invoke(Kind.FUNCTION_URL_V2, json, function);
    Answer second =
        LambdaEvents.invoke(Kind.REST_API_V1, LambdaEvents.raw(Kind.REST_API_V1), function);

    assertThat(first.status()).isEqualTo(200);
    assertThat(second.status()).isEqualTo(200);
    assertThat(handled).hasSize(1);
    assertThat(emf.get(1)).contains("\"outcome\":\"duplicate\"");
  }

  @Test
  void answers503WhenStorageFailsAndProcessesTheRedelivery() {
    failNext.set(new StorageUnavailableException("database down", null));
    String json = LambdaEvents.raw(Kind.HTTP_API_V2);

    Answer failed = LambdaEvents.invoke(Kind.HTTP_API_V2, json, function);
    Answer redelivered = LambdaEvents.invoke(Kind.HTTP_API_V2, json, function);

    assertThat(failed.status()).isEqualTo(503);
    assertThat(redelivered.status()).isEqualTo(200);
    assertThat(handled).hasSize(1);
  }

  @Test
  void answers503WhileTheUpdateIsInProgressElsewhereAndNeverDropsIt() {
    String json = LambdaEvents.raw(Kind.FUNCTION_URL_V2);

    List<Integer> statuses = new ArrayList<>();
    for (int attempt = 0; attempt < 4; attempt++) {
      failNext.set(new UpdateInProgressException(1));
      statuses.add(LambdaEvents.invoke(Kind.FUNCTION_URL_V2, json, function).status());
    }
    Answer afterwards = LambdaEvents.invoke(Kind.FUNCTION_URL_V2, json, function);

    assertThat(statuses).containsOnly(503);
    assertThat(afterwards.status()).isEqualTo(200);
    assertThat(handled).hasSize(1);
  }

  @Test
  void dropsAnUpdateThatFailsUnexpectedlyThreeTimes() {
    alwaysFail = true;
    String json = LambdaEvents.raw(Kind.FUNCTION_URL_V2);

    List<Integer> statuses = new ArrayList<>();
    for (int attempt = 0; attempt < 3; attempt++) {
      statuses.add(LambdaEvents.invoke(Kind.FUNCTION_URL_V2, json, function).status());
    }

    assertThat(statuses).containsExactly(500, 500, 200);
    assertThat(emf.get(2)).contains("\"outcome\":\"dropped\"");
    assertThat(logLines).anySatisfy(l -> assertThat(l).contains("update dropped"));
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void returnsALastFireAndForgetCallInTheResponseBody(Kind kind) {
    answerCallbacks = true;

    Answer answer = LambdaEvents.invoke(kind, LambdaEvents.raw(kind), function);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.headers()).containsEntry("Content-Type", "application/json");
    assertThat(answer.body())
        .isEqualTo(
            "{\"method\":\"answerCallbackQuery\",\"callback_query_id\":\"4772364183527481234\","
                + "\"text\":\"Verified\"}");
    assertThat(telegram.calls("answerCallbackQuery")).isEmpty();
    assertThat(answer.json()).contains("answerCallbackQuery");
  }
}
