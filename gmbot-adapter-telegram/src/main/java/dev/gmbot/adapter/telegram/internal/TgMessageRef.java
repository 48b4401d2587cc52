package dev.gmbot.adapter.telegram.internal;

import com.squareup.moshi.Json;

/** The part of a sent {@code Message} the client reads back. */
public record TgMessageRef(@Json(name = "message_id") Long messageId) {}
