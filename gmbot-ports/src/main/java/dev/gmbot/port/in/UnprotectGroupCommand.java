package dev.gmbot.port.in;

import dev.gmbot.port.model.ChatRef;
import java.util.List;

/** Turn protection off (/unprotect): for the named channels, or for all when the list is empty. */
public record UnprotectGroupCommand(ChatRef group, Sender caller, List<String> channels) {
  public UnprotectGroupCommand {
    GroupCommand.require(group, caller);
    channels = List.copyOf(channels);
    channels.forEach(ChannelReference::require);
  }

  public static UnprotectGroupCommand all(ChatRef group, Sender caller) {
    return new UnprotectGroupCommand(group, caller, List.of());
  }
}
