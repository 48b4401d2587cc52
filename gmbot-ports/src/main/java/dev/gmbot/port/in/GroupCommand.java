package dev.gmbot.port.in;

import dev.gmbot.port.model.ChatRef;
import java.util.Objects;

/** Checks shared by the admin commands' records: a group chat, and someone issuing it. */
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
}
