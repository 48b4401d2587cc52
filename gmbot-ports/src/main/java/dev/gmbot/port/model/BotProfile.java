package dev.gmbot.port.model;

import java.util.Objects;

/** The bot itself, from getMe. */
public record BotProfile(UserId id, String username) {
  public BotProfile {
    Objects.requireNonNull(id, "id");
    if (username == null || username.isBlank()) {
      throw new IllegalArgumentException("a bot always has a username");
    }
  }

  /** True when {@code name} (with or without a leading @) is this bot, case-insensitively. */
  public boolean isNamed(String name) {
    String bare = name.startsWith("@") ? name.substring(1) : name;
    return username.equalsIgnoreCase(bare);
  }
}
