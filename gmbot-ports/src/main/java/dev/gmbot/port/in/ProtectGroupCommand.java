package dev.gmbot.port.in;

import dev.gmbot.port.model.ChatRef;
import java.util.List;

/**
 * Turn protection on (/protect): the group, who asks (a user or an anonymous admin of the group),
 * and 1-10 channels, each a {@link ChannelReference} ({@code @username}, {@code t.me/username} or
 * {@code -100…}); they are kept as {@link ChannelReference#text()}.
 */
public record ProtectGroupCommand(ChatRef group, Sender caller, List<String> channels) {
  /** The most channels a group can require. */
  public static final int MAX_CHANNELS = 10;

  public ProtectGroupCommand {
    GroupCommand.require(group, caller);
    if (channels.isEmpty() || channels.size() > MAX_CHANNELS) {
      throw new IllegalArgumentException(
          "protect names 1 to " + MAX_CHANNELS + " channels, got " + channels.size());
    }
    channels = GroupCommand.channels(channels);
  }

  /** The channels, parsed. */
  public List<ChannelReference> references() {
    return channels.stream().map(ChannelReference::of).toList();
  }
}
