package dev.gmbot.adapter.telegram.internal;

import com.squareup.moshi.Json;

/** Bot API {@code ChatJoinRequest}. */
public record TgChatJoinRequest(
    TgChat chat, TgUser from, @Json(name = "user_chat_id") Long userChatId, Long date) {}
