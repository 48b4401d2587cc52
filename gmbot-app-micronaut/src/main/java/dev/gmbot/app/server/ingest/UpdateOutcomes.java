package dev.gmbot.app.server.ingest;

import dev.gmbot.adapter.telegram.webhook.UpdateObserver;
import dev.gmbot.adapter.telegram.webhook.UpdateOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's {@link UpdateObserver}: counts every outcome in {@code
 * bot_updates_received_total{outcome}} and tells the listeners (the handling log line, error
 * tracking, the sandbox transcript, load runs).
 */
public final class UpdateOutcomes implements UpdateObserver {
  private static final Logger LOG = LoggerFactory.getLogger(UpdateOutcomes.class);

  private final Map<UpdateOutcome.Kind, Counter> received = new EnumMap<>(UpdateOutcome.Kind.class);
  private final List<UpdateObserver> listeners = new CopyOnWriteArrayList<>();

  /** Registers one counter per outcome at once: nothing is looked up per update. */
  public UpdateOutcomes(MeterRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    for (UpdateOutcome.Kind kind : UpdateOutcome.Kind.values()) {
      received.put(
          kind,
          Counter.builder("bot_updates_received")
              .description("Updates received, by outcome")
              .tag("outcome", kind.label())
              .register(registry));
    }
  }

  /** Adds a listener told about every outcome after it was counted. */
  public void addListener(UpdateObserver listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  @Override
  public void processed(UpdateOutcome outcome) {
    received.get(outcome.kind()).increment();
    for (UpdateObserver listener : listeners) {
      try {
        listener.processed(outcome);
      } catch (RuntimeException e) {
        LOG.warn("An update listener failed", e);
      }
    }
  }

  @Override
  public void failedUnexpectedly(UpdateOutcome outcome, RuntimeException failure) {
    for (UpdateObserver listener : listeners) {
      try {
        listener.failedUnexpectedly(outcome, failure);
      } catch (RuntimeException e) {
        LOG.warn("An update listener failed", e);
      }
    }
  }
}
