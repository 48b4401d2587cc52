package dev.gmbot.port.out;

import dev.gmbot.port.model.ChatId;
import java.util.Objects;

/** 400 "group chat was upgraded to a supergroup chat": the group now lives at another id. */
public final class ChatMigratedException extends BotApiException {
  private final ChatId from;
  private final ChatId migrateTo;

  public ChatMigratedException(String method, ChatId from, ChatId migrateTo) {
    super(method, "group chat " + from + " was upgraded to supergroup " + migrateTo, null);
    this.from = Objects.requireNonNull(from, "from");
    this.migrateTo = Objects.requireNonNull(migrateTo, "migrateTo");
  }

  public ChatId from() {
    return from;
  }

  public ChatId migrateTo() {
    return migrateTo;
  }
}
