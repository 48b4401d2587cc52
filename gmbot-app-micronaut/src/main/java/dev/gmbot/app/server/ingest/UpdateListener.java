package dev.gmbot.app.server.ingest;

import dev.gmbot.port.in.InboundEvent;
import java.util.Optional;

/** Told about every update after it was processed (the sandbox transcript, logs). */
@FunctionalInterface
public interface UpdateListener {
  void processed(Optional<InboundEvent> event, Outcome outcome);
}
