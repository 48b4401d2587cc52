package dev.gmbot.port.in;

import dev.gmbot.port.model.ChatRef;
import java.util.List;
import java.util.Objects;

/** Checks shared by the admin commands' records: a group chat, someone issuing it, channels. */
final class GroupCommand {
  private GroupCommand() {}

  static void require(ChatRef group, Sender caller) {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(caller, "caller");
    if (!group.type().isGroup()) {
      throw new IllegalArgumentException(
          "admin commands act on a group or supergroup, not a " + group.type());
    }
  }

  /** Every channel parsed by {@link ChannelReference}, kept as its canonical text. */
  static List<String> channels(List<String> channels) {
    return channels.stream().map(ChannelReference::of).map(ChannelReference::text).toList();
  }
}
