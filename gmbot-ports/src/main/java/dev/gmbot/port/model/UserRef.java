package dev.gmbot.port.model;

import java.util.Objects;
import java.util.Optional;

/** A user as an update names them. */
public record UserRef(UserId id, String firstName, Optional<String> username, boolean isBot) {
  public UserRef {
    Objects.requireNonNull(id, "id");
    firstName = firstName == null ? "" : firstName;
    Objects.requireNonNull(username, "username");
  }

  public static UserRef of(long id, String firstName) {
    return new UserRef(new UserId(id), firstName, Optional.empty(), false);
  }

  public static UserRef of(long id, String firstName, String username) {
    return new UserRef(new UserId(id), firstName, Optional.ofNullable(username), false);
  }

  /** The name to show a person: the first name, else @username, else the id. */
  public String displayName() {
    if (!firstName.isBlank()) {
      return firstName;
    }
    return username.map(u -> "@" + u).orElse("user " + id);
  }
}
