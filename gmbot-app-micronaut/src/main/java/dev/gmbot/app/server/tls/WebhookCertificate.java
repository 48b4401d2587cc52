package dev.gmbot.app.server.tls;

import dev.gmbot.port.config.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The certificate {@code set-webhook} uploads: the file after {@code --certificate}, or else the
 * server's {@code GMBOT_TLS_CERT} when it is self-signed; none for a certificate a public authority
 * signed (Telegram trusts those by itself).
 */
public final class WebhookCertificate {
  public static final String OPTION = "--certificate";

  private WebhookCertificate() {}

  public static Optional<String> choose(List<String> options, Optional<ServerTls> tls) {
    int at = options.indexOf(OPTION);
    if (at >= 0) {
      if (at + 1 >= options.size()) {
        throw new ConfigurationException(OPTION, "needs a file (a PEM certificate)");
      }
      Path file = Path.of(options.get(at + 1));
      String pem;
      try {
        pem = Files.readString(file, StandardCharsets.US_ASCII);
      } catch (IOException | RuntimeException e) {
        throw new ConfigurationException(
            OPTION, "cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
      }
      if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
        throw new ConfigurationException(OPTION, file + " is not a PEM certificate");
      }
      return Optional.of(pem);
    }
    return tls.filter(ServerTls::selfSigned).map(ServerTls::leafPem);
  }
}
