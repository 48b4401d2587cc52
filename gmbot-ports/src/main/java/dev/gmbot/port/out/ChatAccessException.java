package dev.gmbot.port.out;

import dev.gmbot.port.model.ChatId;
import java.util.Objects;

/**
 * The bot lacks access or rights in a chat. For membership checks this means "cannot check", never
 * "not subscribed": nobody is punished for it (docs/design.md, "Verification").
 */
public final class ChatAccessException extends BotApiException {
  /** The distinct reasons, from Telegram's error descriptions. */
  public enum Problem {
    /** 400 "member list is inaccessible": the bot is not an administrator of the channel. */
    MEMBER_LIST_INACCESSIBLE,
    /** 403 "bot is not a member of the … chat". */
    BOT_NOT_MEMBER,
    /** 403 "bot was kicked from the … chat". */
    BOT_KICKED,
    /** 400 "CHAT_ADMIN_REQUIRED". */
    CHAT_ADMIN_REQUIRED,
    /** 400 "chat not found". */
    CHAT_NOT_FOUND,
    /** 400 "not enough rights to …": the bot is an administrator without the right it needs. */
    NOT_ENOUGH_RIGHTS,
    /** 400 "method is available only for supergroups": a basic group. */
    NOT_A_SUPERGROUP,
    /** 403 "bot was blocked by the user" / "user is deactivated": a private chat is closed. */
    PRIVATE_CHAT_CLOSED
  }

  private final ChatId chat;
  private final Problem problem;
  private final String description;

  public ChatAccessException(String method, ChatId chat, Problem problem, String description) {
    super(method, problem + " in chat " + chat + " (" + description + ")", null);
    this.chat = Objects.requireNonNull(chat, "chat");
    this.problem = Objects.requireNonNull(problem, "problem");
    this.description = description == null ? "" : description;
  }

  public ChatId chat() {
    return chat;
  }

  public Problem problem() {
    return problem;
  }

  /** Telegram's own description, e.g. "Bad Request: member list is inaccessible". */
  public String description() {
    return description;
  }
}
