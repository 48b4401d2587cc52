package dev.gmbot.app.server.wiring;

import dev.gmbot.adapter.telegram.LongPoller;
import dev.gmbot.adapter.telegram.TelegramBotApiClient;
import dev.gmbot.adapter.telegram.TelegramUpdateDecoder;
import dev.gmbot.adapter.telegram.webhook.UpdateOutcome;
import dev.gmbot.app.server.config.ServerConfig;
import dev.gmbot.app.server.ingest.PollingSupervisor;
import dev.gmbot.app.server.ingest.UpdateIngestion;
import dev.gmbot.port.out.LeaseStore;
import java.util.Objects;

/**
 * Builds the long-polling side: a {@link PollingSupervisor} (one poller across instances, by lease)
 * whose poller is the Telegram adapter's {@link LongPoller}, handing each update to the {@link
 * UpdateIngestion} (the same update processor as webhooks). An update that is not acknowledged
 * makes the handler throw, so the poller fetches it again after a back-off.
 */
public final class PollingStarter {
  private final ServerConfig config;
  private final TelegramBotApiClient client;
  private final TelegramUpdateDecoder decoder;
  private final UpdateIngestion ingestion;
  private final LeaseStore leases;

  public PollingStarter(
      ServerConfig config,
      TelegramBotApiClient client,
      TelegramUpdateDecoder decoder,
      UpdateIngestion ingestion,
      LeaseStore leases) {
    this.config = Objects.requireNonNull(config, "config");
    this.client = Objects.requireNonNull(client, "client");
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    this.ingestion = Objects.requireNonNull(ingestion, "ingestion");
    this.leases = Objects.requireNonNull(leases, "leases");
  }

  /** Starts competing for the poller lease; the caller closes the result at shutdown. */
  public PollingSupervisor start(LongPoller.Settings settings) {
    PollingSupervisor supervisor =
        new PollingSupervisor(
            leases,
            config.instanceId(),
            config.pollLease(),
            () -> {
              LongPoller poller =
                  new LongPoller(
                      client,
                      decoder,
                      (updateId, event) -> {
                        UpdateOutcome outcome = ingestion.handle(event);
                        if (!outcome.acknowledged()) {
                          throw new UnacknowledgedUpdateException(updateId, outcome);
                        }
                      },
                      settings);
              poller.start();
              return poller;
            });
    supervisor.start();
    return supervisor;
  }

  /** Thrown to the poller so that it fetches the update again. */
  static final class UnacknowledgedUpdateException extends Exception {
    UnacknowledgedUpdateException(long updateId, UpdateOutcome outcome) {
      super("update " + updateId + " " + outcome.kind().label(), null, false, false);
    }
  }
}
