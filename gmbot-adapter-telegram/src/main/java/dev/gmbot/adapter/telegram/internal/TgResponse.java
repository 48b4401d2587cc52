package dev.gmbot.adapter.telegram.internal;

import com.squareup.moshi.Json;

/** The Bot API response envelope. */
public record TgResponse<T>(
    Boolean ok,
    T result,
    @Json(name = "error_code") Integer errorCode,
    String description,
    TgResponseParameters parameters) {}
