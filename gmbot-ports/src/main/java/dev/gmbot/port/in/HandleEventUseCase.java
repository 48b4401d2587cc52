package dev.gmbot.port.in;

/**
 * Handles one inbound event to completion: decides and executes (through the rate scheduler).
 * Returns only when every effect is done or durably recorded, so the transport may then acknowledge
 * the update. Infrastructure failures propagate as the driven ports' exceptions; the transport then
 * answers non-2xx so Telegram redelivers.
 */
public interface HandleEventUseCase {
  HandlingResult handle(InboundEvent event);
}
