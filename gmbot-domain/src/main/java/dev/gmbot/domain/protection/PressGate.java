package dev.gmbot.domain.protection;

import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.UserId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets one press of a user's buttons in a chat be handled at a time in this process: a second press
 * while the first is being handled only gets "still checking" (two presses, one lift).
 */
public final class PressGate {
  private record Key(ChatId chat, UserId user) {}

  private final Set<Key> busy = ConcurrentHashMap.newKeySet();

  /** True when the caller may go ahead; it must then call {@link #leave}. */
  public boolean tryEnter(ChatId chat, UserId user) {
    return busy.add(new Key(chat, user));
  }

  public void leave(ChatId chat, UserId user) {
    busy.remove(new Key(chat, user));
  }
}
