package dev.gmbot.port.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A channel whose membership is required. {@code inviteLink} is the link the prompt's "join" button
 * opens: {@code https://t.me/<username>} for public channels, the bot's own invite link for private
 * ones.
 */
public record EnforcedChannel(
    ChannelId id, String title, Optional<String> username, Optional<String> inviteLink) {
  public EnforcedChannel {
    Objects.requireNonNull(id, "id");
    title = title == null ? "" : title;
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(inviteLink, "inviteLink");
  }

  /** The URL for a "join" button: the invite link, else the public t.me link. */
  public Optional<String> joinUrl() {
    return inviteLink.or(() -> username.map(u -> "https://t.me/" + u));
  }

  /** How to name the channel to a person: @username, else the title. */
  public String displayName() {
    return username.map(u -> "@" + u).orElse(title.isBlank() ? "channel " + id : title);
  }
}
