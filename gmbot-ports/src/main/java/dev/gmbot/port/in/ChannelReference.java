package dev.gmbot.port.in;

import java.util.regex.Pattern;

/** How a person names a channel in a command: {@code @username} or its numeric {@code -100…} id. */
final class ChannelReference {
  private static final Pattern USERNAME = Pattern.compile("@[A-Za-z][A-Za-z0-9_]{3,31}");
  private static final Pattern NUMERIC_ID = Pattern.compile("-100\\d{6,15}");

  private ChannelReference() {}

  static String require(String reference) {
    if (reference == null
        || !(USERNAME.matcher(reference).matches() || NUMERIC_ID.matcher(reference).matches())) {
      throw new IllegalArgumentException(
          "a channel is named @username (5-32 letters, digits, _) or by its -100… id, got: "
              + reference);
    }
    return reference;
  }
}
