package dev.gmbot.port.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The person who set up protection of a group. {@code reachableInPrivate} is true once they have
 * started a private chat with the bot (only then can the bot message them).
 */
public record Owner(UserId id, Optional<String> username, boolean reachableInPrivate) {
  public Owner {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(username, "username");
  }
}
