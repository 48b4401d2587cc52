package dev.gmbot.adapter.telegram;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import dev.gmbot.adapter.telegram.internal.BotApiErrors;
import dev.gmbot.adapter.telegram.internal.CallOutcomes;
import dev.gmbot.adapter.telegram.internal.Redactor;
import dev.gmbot.adapter.telegram.internal.TelegramJson;
import dev.gmbot.adapter.telegram.internal.TgResponse;
import dev.gmbot.adapter.telegram.internal.TgUpdate;
import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.out.BotApiException;
import dev.gmbot.port.out.BotMethod;
import dev.gmbot.port.out.GuardMetrics;
import dev.gmbot.port.out.NonBlocking;
import dev.gmbot.port.out.TransientBotApiException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bot API transport: one shared OkHttp client (connection pool sized from the config), JSON
 * requests, Moshi responses, and every failure turned into the ports' {@link BotApiException}s.
 *
 * <p>Retries (ADR 0030): the client never retries a 429 (the domain's scheduler owns flood waits)
 * and never retries a write. An idempotent read (getChatMember, getChat, getChatAdministrators,
 * getMe, getWebhookInfo) that fails with an I/O error or a 5xx is retried once, immediately; a
 * second failure surfaces as {@link TransientBotApiException} for the scheduler to retry.
 *
 * <p>The token is part of each request's path. It never appears in a log line, an exception message
 * or a metric label: logs name the method only, and OkHttp's exceptions are copied with the token
 * masked before they leave this class.
 *
 * <p>Thread-safe; create one per bot and {@link #close()} it on shutdown.
 */
public final class TelegramBotApiClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TelegramBotApiClient.class);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final TelegramClientConfig config;
  private final OkHttpClient http;
  private final HttpUrl botUrl;
  private final Redactor redactor;
  private final GuardMetrics metrics;
  private final Map<Type, JsonAdapter<?>> adapters = new ConcurrentHashMap<>();

  public TelegramBotApiClient(TelegramClientConfig config) {
    this(config, GuardMetrics.NONE);
  }

  public TelegramBotApiClient(TelegramClientConfig config, GuardMetrics metrics) {
    this.config = Objects.requireNonNull(config, "config");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.redactor = new Redactor(config.token());
    this.http =
        new OkHttpClient.Builder()
            .connectionPool(new ConnectionPool(config.connectionPoolSize(), 5, TimeUnit.MINUTES))
            .connectTimeout(config.connectTimeout())
            .readTimeout(config.readTimeout())
            .writeTimeout(config.writeTimeout())
            // Retries are decided here, per method (ADR 0030), not silently by OkHttp.
            .retryOnConnectionFailure(false)
            .followRedirects(false)
            .build();
    this.http.dispatcher().setMaxRequestsPerHost(config.connectionPoolSize());
    this.botUrl =
        Objects.requireNonNull(
                HttpUrl.parse(config.baseUrl().toString()), "the Bot API URL is not an HTTP URL")
            .newBuilder()
            .addPathSegment("bot" + config.token())
            .build();
  }

  public TelegramClientConfig config() {
    return config;
  }

  /** A call that reads and changes nothing: retried once on an I/O failure or a 5xx. */
  <T> T read(
      BotMethod method, Map<String, Object> parameters, Type resultType, Optional<ChatId> chat) {
    String name = method.wireName();
    try {
      return execute(http, name, parameters, resultType, chat, call -> {});
    } catch (TransientBotApiException first) {
      LOG.warn("Bot API {} failed ({}); retrying once", name, first.getMessage());
      return execute(http, name, parameters, resultType, chat, call -> {});
    }
  }

  /** A call with an effect: never retried here. */
  <T> T write(
      BotMethod method, Map<String, Object> parameters, Type resultType, Optional<ChatId> chat) {
    return execute(http, method.wireName(), parameters, resultType, chat, call -> {});
  }

  /**
   * A call with an effect and a file: multipart/form-data, each parameter a form field (lists and
   * objects JSON-encoded), the file as part {@code fileField}. Never retried here.
   */
  <T> T writeMultipart(
      BotMethod method,
      Map<String, Object> parameters,
      String fileField,
      String fileName,
      byte[] content,
      Type resultType) {
    return writeMultipart(
        method,
        parameters,
        fileField,
        fileName,
        "application/octet-stream",
        content,
        resultType,
        Optional.empty());
  }

  /** {@link #writeMultipart} with the file's media type, counted against {@code chat}'s limits. */
  <T> T writeMultipart(
      BotMethod method,
      Map<String, Object> parameters,
      String fileField,
      String fileName,
      String mediaType,
      byte[] content,
      Type resultType,
      Optional<ChatId> chat) {
    MultipartBody.Builder body = new MultipartBody.Builder().setType(MultipartBody.FORM);
    parameters.forEach((name, value) -> body.addFormDataPart(name, formValue(value)));
    body.addFormDataPart(
        fileField, fileName, RequestBody.create(content, MediaType.get(mediaType)));
    return execute(http, method.wireName(), body.build(), resultType, chat, call -> {});
  }

  private static String formValue(Object value) {
    return value instanceof String || value instanceof Number || value instanceof Boolean
        ? value.toString()
        : TelegramJson.json(value);
  }

  /**
   * An OkHttp client for long polls: the same pool and dispatcher, with a read timeout of the poll
   * timeout plus the normal read timeout.
   */
  OkHttpClient longPollClient(int pollTimeoutSeconds) {
    return http.newBuilder()
        .readTimeout(config.readTimeout().plus(Duration.ofSeconds(pollTimeoutSeconds)))
        .build();
  }

  /** getUpdates; {@code onCall} receives the OkHttp call so that a poller can cancel it. */
  List<TgUpdate> getUpdates(
      OkHttpClient longPoll,
      long offset,
      int limit,
      int timeoutSeconds,
      List<String> allowedUpdates,
      Consumer<Call> onCall) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("offset", offset);
    parameters.put("limit", limit);
    parameters.put("timeout", timeoutSeconds);
    parameters.put("allowed_updates", allowedUpdates);
    return execute(
        longPoll,
        BotMethod.GET_UPDATES.wireName(),
        parameters,
        TelegramJson.listOf(TgUpdate.class),
        Optional.empty(),
        onCall);
  }

  private <T> T execute(
      OkHttpClient client,
      String method,
      Map<String, Object> parameters,
      Type resultType,
      Optional<ChatId> chat,
      Consumer<Call> onCall) {
    return execute(
        client,
        method,
        RequestBody.create(TelegramJson.requestBody(parameters), JSON),
        resultType,
        chat,
        onCall);
  }

  private <T> T execute(
      OkHttpClient client,
      String method,
      RequestBody body,
      Type resultType,
      Optional<ChatId> chat,
      Consumer<Call> onCall) {
    NonBlocking.check("Telegram");
    Request request =
        new Request.Builder()
            .url(botUrl.newBuilder().addPathSegment(method).build())
            .post(body)
            .build();
    Call call = client.newCall(request);
    onCall.accept(call);
    long started = System.nanoTime();
    try (Response response = call.execute()) {
      T result;
      try {
        result = readResponse(method, chat, response, resultType);
      } catch (BotApiException failure) {
        counted(method, CallOutcomes.of(failure), started);
        throw failure;
      }
      counted(method, CallOutcomes.OK, started);
      LOG.debug("Bot API {} -> {}", method, response.code());
      return result;
    } catch (IOException e) {
      counted(method, CallOutcomes.of(e), started);
      String what = e instanceof InterruptedIOException ? "timeout or cancelled" : "I/O failure";
      TransientBotApiException failure =
          new TransientBotApiException(
              method,
              what
                  + " ("
                  + e.getClass().getSimpleName()
                  + ": "
                  + redactor.redact(e.getMessage())
                  + ")",
              OptionalInt.empty(),
              redactor.redact(e));
      LOG.debug("Bot API {} failed: {}", method, failure.getMessage());
      throw failure;
    }
  }

  /** Every request is counted here, once, with its outcome ({@link CallOutcomes}). */
  private void counted(String method, String outcome, long startedNanos) {
    metrics.apiCall(method, outcome, Duration.ofNanos(System.nanoTime() - startedNanos));
  }

  private <T> T readResponse(
      String method, Optional<ChatId> chat, Response response, Type resultType) throws IOException {
    int status = response.code();
    TgResponse<T> body;
    try {
      body = this.<T>adapter(resultType).fromJson(response.body().source());
    } catch (JsonDataException | IOException e) {
      if (status >= 200 && status < 300) {
        throw new TransientBotApiException(
            method, "malformed response (HTTP " + status + ")", OptionalInt.of(status), null);
      }
      body = null;
    }
    if (body != null && Boolean.TRUE.equals(body.ok()) && status >= 200 && status < 300) {
      if (body.result() == null) {
        throw new TransientBotApiException(
            method, "response without result", OptionalInt.of(status), null);
      }
      return body.result();
    }
    int errorCode = body != null && body.errorCode() != null ? body.errorCode() : status;
    String description =
        body != null && body.description() != null
            ? redactor.redact(body.description())
            : "HTTP " + status;
    BotApiException failure =
        BotApiErrors.classify(
            method,
            chat,
            status,
            errorCode,
            description,
            body == null ? null : body.parameters(),
            retryAfterHeader(response));
    LOG.debug("Bot API {} failed: {}", method, failure.getMessage());
    throw failure;
  }

  private static OptionalLong retryAfterHeader(Response response) {
    String value = response.header("Retry-After");
    if (value == null) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(value.strip()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  @SuppressWarnings("unchecked")
  private <T> JsonAdapter<TgResponse<T>> adapter(Type resultType) {
    return (JsonAdapter<TgResponse<T>>)
        adapters.computeIfAbsent(resultType, type -> TelegramJson.response(type));
  }

  /** Cancels running calls and releases the pooled connections and dispatcher threads. */
  @Override
  public void close() {
    http.dispatcher().cancelAll();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  @Override
  public String toString() {
    return "TelegramBotApiClient[" + config.baseUrl() + "]";
  }
}
