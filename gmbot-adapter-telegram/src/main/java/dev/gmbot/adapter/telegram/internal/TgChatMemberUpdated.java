package dev.gmbot.adapter.telegram.internal;

import com.squareup.moshi.Json;

/** Bot API {@code ChatMemberUpdated} ({@code chat_member} and {@code my_chat_member}). */
public record TgChatMemberUpdated(
    TgChat chat,
    TgUser from,
    Long date,
    @Json(name = "old_chat_member") TgChatMember oldChatMember,
    @Json(name = "new_chat_member") TgChatMember newChatMember) {}
