package dev.gmbot.adapter.telegram;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * getWebhookInfo, for /health: whether a webhook is set, how many updates wait, and the last
 * delivery error Telegram saw.
 *
 * @param url the webhook URL, empty when none is set (long polling)
 */
public record WebhookInfo(
    Optional<String> url,
    boolean hasCustomCertificate,
    long pendingUpdateCount,
    Optional<String> ipAddress,
    Optional<Instant> lastErrorDate,
    Optional<String> lastErrorMessage,
    Optional<Instant> lastSynchronizationErrorDate,
    OptionalInt maxConnections,
    List<String> allowedUpdates) {

  public WebhookInfo {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(ipAddress, "ipAddress");
    Objects.requireNonNull(lastErrorDate, "lastErrorDate");
    Objects.requireNonNull(lastErrorMessage, "lastErrorMessage");
    Objects.requireNonNull(lastSynchronizationErrorDate, "lastSynchronizationErrorDate");
    Objects.requireNonNull(maxConnections, "maxConnections");
    allowedUpdates = List.copyOf(allowedUpdates);
  }

  public boolean isSet() {
    return url.isPresent();
  }
}
