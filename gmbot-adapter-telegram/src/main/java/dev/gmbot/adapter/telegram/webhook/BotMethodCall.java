package dev.gmbot.adapter.telegram.webhook;

import dev.gmbot.adapter.telegram.internal.TelegramJson;
import dev.gmbot.port.model.CallbackAnswer;
import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.MessageId;
import dev.gmbot.port.out.BotMethod;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A Bot API call carried in the webhook response body ({@code {"method": …, params…}}): Telegram
 * makes it after a 2xx answer, and nobody learns its result. Telegram ignores {@code get*} methods
 * there, so only fire-and-forget calls qualify.
 */
public record BotMethodCall(BotMethod method, Map<String, Object> parameters) {
  public BotMethodCall {
    Objects.requireNonNull(method, "method");
    if (method.wireName().startsWith("get")) {
      throw new IllegalArgumentException("Telegram ignores get* methods in a webhook response");
    }
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  public static BotMethodCall answerCallbackQuery(CallbackAnswer answer) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("callback_query_id", answer.callbackQueryId());
    answer.text().ifPresent(t -> p.put("text", t));
    if (answer.alert()) {
      p.put("show_alert", true);
    }
    return new BotMethodCall(BotMethod.ANSWER_CALLBACK_QUERY, p);
  }

  public static BotMethodCall deleteMessage(ChatId chat, MessageId message) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("chat_id", chat.value());
    p.put("message_id", message.value());
    return new BotMethodCall(BotMethod.DELETE_MESSAGE, p);
  }

  /** The response body: the method and its parameters in one JSON object. */
  public String toJson() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("method", method.wireName());
    body.putAll(parameters);
    return TelegramJson.requestBody(body);
  }
}
