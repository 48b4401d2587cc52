package dev.gmbot.testkit.contract;

import dev.gmbot.port.model.BotProfile;
import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.UserRef;

/**
 * How a {@link TelegramPortsContract} sets up the chats it talks about, whatever stands behind the
 * ports (the in-memory fake, or the real client against the Bot API simulator).
 */
public interface TelegramWorld {
  BotProfile bot();

  /** A new supergroup with a creator, where the bot is an administrator with every right. */
  GroupId supergroup(String title);

  /** A new public channel with this username, where the bot is an administrator. */
  ChannelId publicChannel(String username);

  /** A new user the bot has seen. */
  UserRef user(String firstName);

  /** The user becomes a plain member of the group. */
  void join(GroupId group, UserRef user);

  /** The user subscribes to the channel. */
  void subscribe(ChannelId channel, UserRef user);

  /** The creator of a group made by {@link #supergroup}. */
  UserRef creatorOf(GroupId group);
}
