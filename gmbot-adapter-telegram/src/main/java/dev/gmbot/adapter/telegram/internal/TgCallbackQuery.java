package dev.gmbot.adapter.telegram.internal;

import com.squareup.moshi.Json;

/** Bot API {@code CallbackQuery}. */
public record TgCallbackQuery(
    String id,
    TgUser from,
    TgMessage message,
    @Json(name = "inline_message_id") String inlineMessageId,
    String data) {}
