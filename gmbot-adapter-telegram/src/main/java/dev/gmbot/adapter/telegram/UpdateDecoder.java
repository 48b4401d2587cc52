package dev.gmbot.adapter.telegram;

import dev.gmbot.port.in.InboundEvent;
import java.util.Optional;

/**
 * A Bot API {@code Update} (JSON, UTF-8) to the domain's event: {@link TelegramUpdateDecoder}, the
 * one decoder both transports use. An interface so that a test can stand in for it.
 */
@FunctionalInterface
public interface UpdateDecoder {
  /**
   * @return the event, or empty when the update is nothing for the guard (it is acknowledged)
   * @throws MalformedUpdateException when the body is not a decodable update; its message names the
   *     problem without quoting the body
   */
  Optional<InboundEvent> decode(byte[] body) throws MalformedUpdateException;
}
