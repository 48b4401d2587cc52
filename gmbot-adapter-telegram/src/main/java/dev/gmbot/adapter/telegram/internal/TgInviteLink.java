package dev.gmbot.adapter.telegram.internal;

import com.squareup.moshi.Json;

/** Bot API {@code ChatInviteLink} (the link only). */
public record TgInviteLink(@Json(name = "invite_link") String inviteLink) {}
