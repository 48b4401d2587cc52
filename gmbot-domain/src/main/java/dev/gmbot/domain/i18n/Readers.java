package dev.gmbot.domain.i18n;

import dev.gmbot.port.in.Sender;
import dev.gmbot.port.model.Language;
import dev.gmbot.port.model.UserRef;
import java.util.Optional;

/**
 * Which language to speak to whom. A group hears its own language (its settings); a single reader
 * (a private chat, the answer to a pressed button) hears their own Telegram language when GMBot
 * speaks it, else the language of the group concerned.
 */
public final class Readers {
  private Readers() {}

  /** The user's own language, when Telegram told it and GMBot speaks it. */
  public static Optional<Language> languageOf(UserRef user) {
    return user.languageCode().flatMap(Language::forUserCode);
  }

  /** The sender's own language: only a user writing as themselves has one. */
  public static Optional<Language> languageOf(Sender sender) {
    return sender instanceof Sender.User u ? languageOf(u.user()) : Optional.empty();
  }

  /** The user's own language, else the fallback (the group's). */
  public static Language languageFor(UserRef reader, Language fallback) {
    return languageOf(reader).orElse(fallback);
  }
}
