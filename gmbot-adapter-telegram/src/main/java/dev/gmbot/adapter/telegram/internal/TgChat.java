package dev.gmbot.adapter.telegram.internal;

import com.squareup.moshi.Json;

/** Bot API {@code Chat} and the fields of {@code ChatFullInfo} the adapter reads. */
public record TgChat(
    Long id,
    String type,
    String title,
    String username,
    @Json(name = "first_name") String firstName,
    @Json(name = "last_name") String lastName,
    @Json(name = "invite_link") String inviteLink,
    @Json(name = "linked_chat_id") Long linkedChatId) {}
