package dev.gmbot.port.out;

import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.EnforcedChannel;
import java.util.Optional;

/** Channels that some group requires. */
public interface ChannelRepository {
  Optional<EnforcedChannel> find(ChannelId channel);

  /** Inserts or replaces the channel's title, username and invite link. */
  void save(EnforcedChannel channel);
}
