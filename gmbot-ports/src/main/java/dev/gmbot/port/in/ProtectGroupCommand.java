package dev.gmbot.port.in;

import dev.gmbot.port.model.ChatRef;
import java.util.List;

/**
 * Turn protection on (/protect): the group, who asks (a user or an anonymous admin of the group),
 * and 1-10 channels named {@code @username} or {@code -100…}.
 */
public record ProtectGroupCommand(ChatRef group, Sender caller, List<String> channels) {
  public ProtectGroupCommand {
    GroupCommand.require(group, caller);
    channels = List.copyOf(channels);
    if (channels.isEmpty() || channels.size() > 10) {
      throw new IllegalArgumentException("protect names 1 to 10 channels, got " + channels.size());
    }
    channels.forEach(ChannelReference::require);
  }
}
