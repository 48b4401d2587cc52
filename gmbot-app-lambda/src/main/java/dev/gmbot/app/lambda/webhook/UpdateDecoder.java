package dev.gmbot.app.lambda.webhook;

import dev.gmbot.port.in.InboundEvent;
import java.util.Optional;

/** Turns the body of a webhook request (one Update object) into the event the domain handles. */
@FunctionalInterface
public interface UpdateDecoder {
  /**
   * @return the event; empty for an update the guard has no interest in (it is acknowledged)
   * @throws MalformedUpdateException when the body is not a Telegram Update
   */
  Optional<InboundEvent> decode(byte[] json);
}
