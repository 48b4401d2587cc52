package dev.gmbot.adapter.telegram.internal;

import com.squareup.moshi.Json;

/** Bot API {@code ResponseParameters}. */
public record TgResponseParameters(
    @Json(name = "migrate_to_chat_id") Long migrateToChatId,
    @Json(name = "retry_after") Long retryAfter) {}
