package dev.gmbot.port.in;

import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.EnforcedChannel;
import java.util.Objects;
import java.util.Optional;

/**
 * How a person names a channel in a command: by its public username ({@code @name}, {@code
 * t.me/name} or {@code https://t.me/name}) or, for a channel without one, by its numeric {@code
 * -100…} id. This is the one parser of channel names: the chat commands ({@code /protect @a @b},
 * {@code /unprotect @a}) and the command records of the typed use cases both use it.
 *
 * <p>A username follows Telegram's rules: ASCII letters, digits and underscores, starting with a
 * letter, not ending with an underscore, no two underscores in a row, at most 32 characters. Names
 * people choose have at least 5 characters; collectible (auctioned) names may have 4, so 4 is the
 * shortest name accepted. In the Bot API a channel's id is {@code -1000000000000 - n} for its
 * internal number {@code n} (below {@code 10^12 - 2^31}): a minus sign and 13 digits, {@code -100…}
 * for every channel made so far.
 */
public sealed interface ChannelReference {
  /** A channel named by its public username, without the {@code @}, spelled as the person wrote. */
  record Username(String name) implements ChannelReference {
    public Username {
      if (!ChannelSyntax.isUsername(name)) {
        throw new IllegalArgumentException("not a public username: " + name);
      }
    }

    @Override
    public String text() {
      return "@" + name;
    }

    @Override
    public boolean names(EnforcedChannel channel) {
      return channel.username().map(name::equalsIgnoreCase).orElse(false);
    }
  }

  /** A channel named by its numeric id (the only way to name a channel without a username). */
  record NumericId(ChannelId id) implements ChannelReference {
    public NumericId {
      Objects.requireNonNull(id, "id");
      if (!ChannelSyntax.isChannelId(id.value())) {
        throw new IllegalArgumentException("not a channel id: " + id);
      }
    }

    @Override
    public String text() {
      return id.toString();
    }

    @Override
    public boolean names(EnforcedChannel channel) {
      return channel.id().equals(id);
    }
  }

  /** The reference as a person writes it: {@code @name} or the numeric id. */
  String text();

  /** Whether this reference names that (linked) channel; usernames compare ignoring case. */
  boolean names(EnforcedChannel channel);

  /** Parses what a person wrote; empty when it is none of the accepted forms. */
  static Optional<ChannelReference> parse(String text) {
    return ChannelSyntax.channelId(text)
        .<ChannelReference>map(id -> new NumericId(ChannelId.of(id)))
        .or(() -> ChannelSyntax.username(text).map(Username::new));
  }

  /** Parses what a person wrote, or throws {@link IllegalArgumentException} saying the forms. */
  static ChannelReference of(String text) {
    return parse(text)
        .orElseThrow(() -> new IllegalArgumentException(ChannelSyntax.FORMS + ", got: " + text));
  }
}
