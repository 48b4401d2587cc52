package dev.gmbot.port.model;

import java.util.Objects;
import java.util.Optional;

/** A chat as an update names it: id, type, title (or a user's name) and public username. */
public record ChatRef(ChatId id, ChatType type, String title, Optional<String> username) {
  public ChatRef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    title = title == null ? "" : title;
    Objects.requireNonNull(username, "username");
  }

  public static ChatRef group(long id, String title) {
    return new ChatRef(
        new ChatId(id),
        id < -1_000_000_000_000L ? ChatType.SUPERGROUP : ChatType.GROUP,
        title,
        Optional.empty());
  }

  public static ChatRef channel(long id, String title, String username) {
    return new ChatRef(new ChatId(id), ChatType.CHANNEL, title, Optional.ofNullable(username));
  }

  public static ChatRef privateChat(UserRef user) {
    return new ChatRef(
        user.id().privateChat(), ChatType.PRIVATE, user.displayName(), user.username());
  }

  public GroupId groupId() {
    if (!type.isGroup()) {
      throw new IllegalStateException("chat " + id + " is a " + type + ", not a group");
    }
    return new GroupId(id.value());
  }

  public ChannelId channelId() {
    if (type != ChatType.CHANNEL) {
      throw new IllegalStateException("chat " + id + " is a " + type + ", not a channel");
    }
    return new ChannelId(id.value());
  }
}
