package dev.gmbot.domain.scheduling;

import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.out.BotApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One submitted call while the scheduler owns it. Mutable; guarded by the scheduler's lock except
 * {@link #state}, which the waiting caller reads.
 */
final class Ticket {
  enum State {
    QUEUED,
    GRANTED,
    SHED
  }

  private BotCall call;
  final Priority priority;
  final boolean message;
  final Thread waiter;
  long seq = -1;
  String lane;
  Instant notBefore = Instant.MIN;
  int floodRetries;
  int transientRetries;
  boolean delayed;

  /** When the call was submitted; its first grant reports the wait since then. */
  Instant submitted = Instant.MIN;

  boolean waitReported;
  volatile State state = State.QUEUED;
  CallShedException shed;
  final List<BotApiException> failures = new ArrayList<>(0);

  Ticket(BotCall call, Thread waiter) {
    this.call = call;
    this.priority = call.priority();
    this.message = call.isMessage();
    this.waiter = waiter;
  }

  BotCall call() {
    return call;
  }

  Optional<ChatId> chat() {
    return call.chat();
  }

  void retarget(ChatId chat) {
    call = call.retargeted(chat);
  }
}
