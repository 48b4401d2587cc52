package dev.gmbot.port.in;

import dev.gmbot.port.model.ChatRef;

/** Ask for a group's protection status (/status). */
public record GroupStatusQuery(ChatRef group, Sender caller) {
  public GroupStatusQuery {
    GroupCommand.require(group, caller);
  }
}
