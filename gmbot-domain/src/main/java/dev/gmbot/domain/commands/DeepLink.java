package dev.gmbot.domain.commands;

import dev.gmbot.port.model.BotProfile;
import dev.gmbot.port.model.GroupId;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code https://t.me/<bot>?start=<payload>} link that opens the private chat with the bot and
 * sends {@code /start <payload>}: how an admin's {@code /settings} (or {@code /audit}) in a group
 * opens the menu in private without cluttering the group. The payload is {@code s} (settings) or
 * {@code a} (audit log) followed by the group's id in base 36: Telegram allows {@code
 * [A-Za-z0-9_-]}, at most 64 characters, in it.
 */
record DeepLink(DeepLink.Target target, GroupId group) {
  /** What the link opens. */
  enum Target {
    SETTINGS('s'),
    AUDIT('a');

    private final char letter;

    Target(char letter) {
      this.letter = letter;
    }
  }

  DeepLink {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(group, "group");
  }

  /** The {@code start} parameter. */
  String payload() {
    return target.letter + Long.toString(group.value(), 36);
  }

  /** The link for this bot. */
  String url(BotProfile bot) {
    return "https://t.me/" + bot.username() + "?start=" + payload();
  }

  /** The link a {@code /start} payload names; empty when it is none of the bot's links. */
  static Optional<DeepLink> parse(String payload) {
    if (payload == null || payload.length() < 2 || payload.length() > 64) {
      return Optional.empty();
    }
    Optional<Target> target =
        switch (payload.charAt(0)) {
          case 's' -> Optional.of(Target.SETTINGS);
          case 'a' -> Optional.of(Target.AUDIT);
          default -> Optional.empty();
        };
    if (target.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new DeepLink(target.get(), GroupId.of(Long.parseLong(payload.substring(1), 36))));
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }
}
