package dev.gmbot.domain.commands;

import java.util.Optional;
import java.util.regex.Pattern;

/** A channel named in a command: {@code @username} or a numeric {@code -100…} id. */
record ChannelArgument(String text, Optional<String> username, Optional<Long> id) {
  /** 4 to 32 characters: collectible usernames may be as short as 4. */
  private static final Pattern USERNAME = Pattern.compile("@?[A-Za-z][A-Za-z0-9_]{3,31}");

  private static final Pattern NUMERIC = Pattern.compile("-100\\d{6,16}");

  /** Parses one argument; empty when it is neither a username nor a channel id. */
  static Optional<ChannelArgument> parse(String text) {
    if (NUMERIC.matcher(text).matches()) {
      return Optional.of(
          new ChannelArgument(text, Optional.empty(), Optional.of(Long.parseLong(text))));
    }
    if (USERNAME.matcher(text).matches()) {
      String bare = text.startsWith("@") ? text.substring(1) : text;
      return Optional.of(new ChannelArgument("@" + bare, Optional.of(bare), Optional.empty()));
    }
    return Optional.empty();
  }
}
