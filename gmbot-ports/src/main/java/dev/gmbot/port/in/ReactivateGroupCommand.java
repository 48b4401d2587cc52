package dev.gmbot.port.in;

import dev.gmbot.port.model.ChatRef;

/** Resume a paused group (/reactivate) once the bot's rights are back. */
public record ReactivateGroupCommand(ChatRef group, Sender caller) {
  public ReactivateGroupCommand {
    GroupCommand.require(group, caller);
  }
}
