package dev.gmbot.adapter.telegram.internal;

import com.squareup.moshi.Json;

/**
 * The part of a {@code reply_to_message} GMBot reads: who wrote it (a /trust given as a reply).
 * Only its author, not the whole message, so that replies do not nest.
 */
public record TgRepliedMessage(TgUser from, @Json(name = "sender_chat") TgChat senderChat) {}
