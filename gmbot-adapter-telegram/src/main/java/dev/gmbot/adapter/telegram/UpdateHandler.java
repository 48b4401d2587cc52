package dev.gmbot.adapter.telegram;

import dev.gmbot.port.in.InboundEvent;

/**
 * Receives each decoded update from the {@link LongPoller}. Returning normally confirms the update
 * (the poller's offset moves past it); throwing leaves it unconfirmed, so it is fetched again after
 * a back-off. The app wires this to the domain's {@code HandleEventUseCase}.
 */
@FunctionalInterface
public interface UpdateHandler {
  void handle(long updateId, InboundEvent event) throws Exception;
}
