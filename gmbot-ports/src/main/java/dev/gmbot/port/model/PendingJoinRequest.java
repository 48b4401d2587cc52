package dev.gmbot.port.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A join request GMBot holds open for a requester who is not yet subscribed (ADR 0023): approved
 * when they subscribe or press the button, declined when it expires.
 *
 * @param userChat the chat Telegram gave for writing to the requester ({@code user_chat_id})
 * @param language the language the requester was written to in, which the decline notice uses
 * @param requestedAt when the request arrived
 * @param expiresAt when it is declined if the requester has not subscribed by then
 */
public record PendingJoinRequest(
    GroupId group,
    UserId user,
    ChatId userChat,
    Language language,
    Instant requestedAt,
    Instant expiresAt) {
  public PendingJoinRequest {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(userChat, "userChat");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(requestedAt, "requestedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
