package dev.gmbot.port.in;

import dev.gmbot.port.model.ChatRef;
import java.util.List;

/**
 * Turn protection off (/unprotect): for the named channels (each a {@link ChannelReference}, kept
 * as its {@link ChannelReference#text()}), or for all when the list is empty.
 */
public record UnprotectGroupCommand(ChatRef group, Sender caller, List<String> channels) {
  public UnprotectGroupCommand {
    GroupCommand.require(group, caller);
    channels = GroupCommand.channels(channels);
  }

  public static UnprotectGroupCommand all(ChatRef group, Sender caller) {
    return new UnprotectGroupCommand(group, caller, List.of());
  }

  /** The channels, parsed; empty means all. */
  public List<ChannelReference> references() {
    return channels.stream().map(ChannelReference::of).toList();
  }
}
