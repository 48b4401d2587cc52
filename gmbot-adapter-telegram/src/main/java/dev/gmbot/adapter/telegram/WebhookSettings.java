package dev.gmbot.adapter.telegram;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * What setWebhook registers (docs/telegram-bot-api.md, "Webhooks"). Telegram posts updates only to
 * HTTPS URLs on ports 443, 80, 88 or 8443; a server with a self-signed certificate uploads that
 * certificate with the call, so that Telegram trusts it.
 *
 * @param url the HTTPS URL Telegram posts updates to
 * @param secretToken sent back in {@code X-Telegram-Bot-Api-Secret-Token}: 1-256 characters of A-Z,
 *     a-z, 0-9, _ and -
 * @param allowedUpdates the update types (default {@link TelegramUpdateDecoder#ALLOWED_UPDATES})
 * @param maxConnections 1-100 (Telegram's default 40 when empty)
 * @param dropPendingUpdates drop the updates waiting on Telegram's side
 * @param certificatePem the public certificate (PEM) to upload, for a self-signed server
 */
public record WebhookSettings(
    URI url,
    Optional<String> secretToken,
    List<String> allowedUpdates,
    OptionalInt maxConnections,
    boolean dropPendingUpdates,
    Optional<String> certificatePem) {

  private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");

  public WebhookSettings {
    Objects.requireNonNull(url, "url");
    if (!"https".equalsIgnoreCase(url.getScheme()) && !"http".equalsIgnoreCase(url.getScheme())) {
      throw new IllegalArgumentException(
          "a webhook URL is https://…, got scheme " + url.getScheme());
    }
    Objects.requireNonNull(secretToken, "secretToken");
    secretToken.ifPresent(WebhookSettings::validateSecretToken);
    allowedUpdates = List.copyOf(allowedUpdates);
    Objects.requireNonNull(maxConnections, "maxConnections");
    if (maxConnections.isPresent()
        && (maxConnections.getAsInt() < 1 || maxConnections.getAsInt() > 100)) {
      throw new IllegalArgumentException(
          "max_connections is 1-100, got " + maxConnections.getAsInt());
    }
    Objects.requireNonNull(certificatePem, "certificatePem");
    if (certificatePem.isPresent()
        && !certificatePem.get().contains("-----BEGIN CERTIFICATE-----")) {
      throw new IllegalArgumentException("the webhook certificate is not a PEM certificate");
    }
  }

  /** As the canonical constructor, without a certificate to upload. */
  public WebhookSettings(
      URI url,
      Optional<String> secretToken,
      List<String> allowedUpdates,
      OptionalInt maxConnections,
      boolean dropPendingUpdates) {
    this(url, secretToken, allowedUpdates, maxConnections, dropPendingUpdates, Optional.empty());
  }

  /** The URL with the secret token, GMBot's allowed updates, default connections, keep pending. */
  public static WebhookSettings of(URI url, String secretToken) {
    return new WebhookSettings(
        url,
        Optional.of(secretToken),
        TelegramUpdateDecoder.ALLOWED_UPDATES,
        OptionalInt.empty(),
        false);
  }

  public WebhookSettings withMaxConnections(int max) {
    return new WebhookSettings(
        url, secretToken, allowedUpdates, OptionalInt.of(max), dropPendingUpdates, certificatePem);
  }

  public WebhookSettings droppingPendingUpdates() {
    return new WebhookSettings(
        url, secretToken, allowedUpdates, maxConnections, true, certificatePem);
  }

  /** Uploads this public certificate (PEM) with setWebhook: for a self-signed server. */
  public WebhookSettings withCertificate(String pem) {
    return new WebhookSettings(
        url, secretToken, allowedUpdates, maxConnections, dropPendingUpdates, Optional.of(pem));
  }

  /**
   * Checks a webhook secret: 1-256 characters of A-Z, a-z, 0-9, _ and -. The message never repeats
   * the secret.
   *
   * @throws IllegalArgumentException when it is not one
   */
  public static String validateSecretToken(String secret) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("the webhook secret token is empty (1-256 characters)");
    }
    if (secret.length() > 256) {
      throw new IllegalArgumentException(
          "the webhook secret token has " + secret.length() + " characters; at most 256");
    }
    if (!SECRET.matcher(secret).matches()) {
      throw new IllegalArgumentException(
          "the webhook secret token may contain only A-Z, a-z, 0-9, _ and -");
    }
    return secret;
  }

  @Override
  public String toString() {
    return "WebhookSettings[url="
        + url
        + ", secretToken="
        + (secretToken.isPresent() ? "<set>" : "<none>")
        + ", allowedUpdates="
        + allowedUpdates
        + ", maxConnections="
        + maxConnections
        + ", dropPendingUpdates="
        + dropPendingUpdates
        + ", certificate="
        + (certificatePem.isPresent() ? "<uploaded>" : "<none>")
        + "]";
  }
}
