package dev.gmbot.port.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A user as an update names them. {@code languageCode} is the IETF tag of the user's Telegram
 * interface language when the update carries it ({@code language_code}: {@code ru}, {@code pt-br});
 * bots and users seen only through lists of members have none.
 */
public record UserRef(
    UserId id,
    String firstName,
    Optional<String> username,
    boolean isBot,
    Optional<String> languageCode) {
  public UserRef {
    Objects.requireNonNull(id, "id");
    firstName = firstName == null ? "" : firstName;
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(languageCode, "languageCode");
    languageCode = languageCode.map(String::strip).filter(code -> !code.isEmpty());
  }

  /** A user without a known language. */
  public UserRef(UserId id, String firstName, Optional<String> username, boolean isBot) {
    this(id, firstName, username, isBot, Optional.empty());
  }

  public static UserRef of(long id, String firstName) {
    return new UserRef(new UserId(id), firstName, Optional.empty(), false);
  }

  public static UserRef of(long id, String firstName, String username) {
    return new UserRef(new UserId(id), firstName, Optional.ofNullable(username), false);
  }

  /** The same user, speaking this language ({@code language_code}). */
  public UserRef withLanguageCode(String languageCode) {
    return new UserRef(id, firstName, username, isBot, Optional.ofNullable(languageCode));
  }

  /** The name to show a person: the first name, else @username, else the id. */
  public String displayName() {
    if (!firstName.isBlank()) {
      return firstName;
    }
    return username.map(u -> "@" + u).orElse("user " + id);
  }
}
