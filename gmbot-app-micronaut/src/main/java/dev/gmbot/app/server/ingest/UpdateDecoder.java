package dev.gmbot.app.server.ingest;

import dev.gmbot.port.in.InboundEvent;
import java.util.Optional;

/** Bot API {@code Update} JSON to the domain's event (the Telegram adapter's decoder). */
@FunctionalInterface
public interface UpdateDecoder {
  /**
   * @return the event, or empty when the update is nothing for the guard
   * @throws MalformedUpdateException when the body is not a decodable update; its message names the
   *     problem without quoting the body
   */
  Optional<InboundEvent> decode(byte[] body) throws MalformedUpdateException;
}
