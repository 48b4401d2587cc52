package dev.gmbot.adapter.telegram.internal;

import com.squareup.moshi.Json;

/** Bot API {@code User}. Every field is boxed: absent fields decode to null. */
public record TgUser(
    Long id,
    @Json(name = "is_bot") Boolean isBot,
    @Json(name = "first_name") String firstName,
    @Json(name = "last_name") String lastName,
    String username,
    @Json(name = "language_code") String languageCode) {}
