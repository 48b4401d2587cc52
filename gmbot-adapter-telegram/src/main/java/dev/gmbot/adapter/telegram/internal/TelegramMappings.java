package dev.gmbot.adapter.telegram.internal;

import dev.gmbot.port.model.AdminRights;
import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.ChatMember;
import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.ChatType;
import dev.gmbot.port.model.MemberStatus;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.model.UserRef;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Bot API JSON records to port values. Missing required fields and impossible values (an id of 0)
 * become {@link MalformedPayloadException}s that name the field, never its value.
 */
public final class TelegramMappings {
  private TelegramMappings() {}

  public static <T> T required(T value, String field) {
    if (value == null) {
      throw new MalformedPayloadException("missing " + field);
    }
    return value;
  }

  public static UserRef user(TgUser user, String field) {
    required(user, field);
    UserId id = valid(() -> new UserId(required(user.id(), field + ".id")), field + ".id");
    return new UserRef(
        id,
        user.firstName(),
        Optional.ofNullable(user.username()),
        Boolean.TRUE.equals(user.isBot()),
        Optional.ofNullable(user.languageCode()));
  }

  public static ChatRef chat(TgChat chat, String field) {
    required(chat, field);
    ChatId id = valid(() -> new ChatId(required(chat.id(), field + ".id")), field + ".id");
    ChatType type = chatType(required(chat.type(), field + ".type"), field + ".type");
    // Telegram gives private chats the user's positive id, groups and channels negative ones; an
    // update that says otherwise is not Telegram's (and would fail deep in the guard).
    if (id.isPrivate() != (type == ChatType.PRIVATE)) {
      throw new MalformedPayloadException(
          "an id of the wrong sign for its type in " + field + ".id");
    }
    String title = type == ChatType.PRIVATE ? chat.firstName() : chat.title();
    return new ChatRef(id, type, title, Optional.ofNullable(chat.username()));
  }

  public static ChatType chatType(String type, String field) {
    return switch (type) {
      case "private" -> ChatType.PRIVATE;
      case "group" -> ChatType.GROUP;
      case "supergroup" -> ChatType.SUPERGROUP;
      case "channel" -> ChatType.CHANNEL;
      default -> throw new MalformedPayloadException("unknown chat type in " + field);
    };
  }

  public static ChatMember member(TgChatMember member, String field) {
    required(member, field);
    UserRef user = user(member.user(), field + ".user");
    MemberStatus status =
        switch (required(member.status(), field + ".status").toLowerCase(Locale.ROOT)) {
          case "creator" -> MemberStatus.CREATOR;
          case "administrator" -> MemberStatus.ADMINISTRATOR;
          case "member" -> MemberStatus.MEMBER;
          case "restricted" -> MemberStatus.RESTRICTED;
          case "left" -> MemberStatus.LEFT;
          case "kicked" -> MemberStatus.KICKED;
          default -> throw new MalformedPayloadException("unknown status in " + field);
        };
    AdminRights rights =
        status == MemberStatus.ADMINISTRATOR
            ? new AdminRights(
                isTrue(member.canRestrictMembers()),
                isTrue(member.canDeleteMessages()),
                isTrue(member.canInviteUsers()),
                isTrue(member.canManageChat()),
                isTrue(member.isAnonymous()))
            : AdminRights.NONE;
    return new ChatMember(user, status, isTrue(member.isMember()), rights);
  }

  public static Instant date(Long epochSeconds, String field) {
    return Instant.ofEpochSecond(required(epochSeconds, field));
  }

  private static boolean isTrue(Boolean value) {
    return Boolean.TRUE.equals(value);
  }

  /** Runs a port constructor; its IllegalArgumentException (which quotes the value) is replaced. */
  public static <T> T valid(Supplier<T> construct, String field) {
    try {
      return construct.get();
    } catch (IllegalArgumentException e) {
      throw new MalformedPayloadException("invalid " + field);
    }
  }
}
