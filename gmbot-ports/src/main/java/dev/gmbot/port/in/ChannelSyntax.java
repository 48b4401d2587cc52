package dev.gmbot.port.in;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Telegram's rules for public usernames and channel ids, behind {@link ChannelReference}. */
final class ChannelSyntax {
  /** How to write a channel: the message of every rejection. */
  static final String FORMS = "a channel is named @username, t.me/username or by its -100… id";

  /** 4 to 32 characters, a letter first, no underscore last; two in a row are checked apart. */
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{2,30}[A-Za-z0-9]");

  /** {@code @name}, {@code t.me/name}, {@code https://t.me/name}; the name is checked apart. */
  private static final Pattern USERNAME_FORMS =
      Pattern.compile("(?:@|t\\.me/|https://t\\.me/)([A-Za-z0-9_]+)");

  private static final Pattern NUMERIC_ID = Pattern.compile("-\\d{13}");

  /** The Bot API id of channel number 1: {@code -(10^12 + 1)}. */
  private static final long FIRST_CHANNEL_ID = -1_000_000_000_001L;

  /** The Bot API id of the highest channel number Telegram allots, {@code 10^12 - 2^31}. */
  private static final long LAST_CHANNEL_ID = -2_000_000_000_000L + (1L << 31);

  private ChannelSyntax() {}

  static boolean isUsername(String name) {
    return name != null && USERNAME.matcher(name).matches() && !name.contains("__");
  }

  static boolean isChannelId(long id) {
    return id <= FIRST_CHANNEL_ID && id >= LAST_CHANNEL_ID;
  }

  /** The username in {@code @name}, {@code t.me/name} or {@code https://t.me/name}. */
  static Optional<String> username(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher form = USERNAME_FORMS.matcher(text);
    return form.matches() && isUsername(form.group(1))
        ? Optional.of(form.group(1))
        : Optional.empty();
  }

  /** The channel id written as {@code -100…} (13 digits after the minus sign). */
  static Optional<Long> channelId(String text) {
    if (text == null || !NUMERIC_ID.matcher(text).matches()) {
      return Optional.empty();
    }
    long id = Long.parseLong(text);
    return isChannelId(id) ? Optional.of(id) : Optional.empty();
  }
}
