package dev.gmbot.app.server.tls;

import dev.gmbot.port.config.ConfigReader;
import dev.gmbot.port.config.ConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTPS served by the server itself, for a deployer without a domain (and so without a proxy with a
 * public certificate): {@code GMBOT_TLS_CERT} (PEM certificate chain) and {@code GMBOT_TLS_KEY}
 * (PEM private key, PKCS#8 {@code BEGIN PRIVATE KEY}, unencrypted). The server then listens with
 * HTTPS only, on {@code PORT}; a self-signed certificate is also uploaded to Telegram with
 * setWebhook (docs/operations.md, "TLS without a domain").
 *
 * @param certificatePem the certificate file's text
 * @param chain the certificates, the server's first
 * @param key the private key
 */
public record ServerTls(String certificatePem, List<X509Certificate> chain, PrivateKey key) {
  public static final String ENV_CERT = "GMBOT_TLS_CERT";
  public static final String ENV_KEY = "GMBOT_TLS_KEY";

  private static final Pattern PEM =
      Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

  public ServerTls {
    chain = List.copyOf(chain);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("no certificate");
    }
  }

  /**
   * Reads the two variables: both unset means plain HTTP; one without the other, an unreadable file
   * or a malformed PEM is a {@link ConfigurationException} naming the variable.
   */
  public static Optional<ServerTls> fromEnvironment(Map<String, String> env) {
    return read(ConfigReader.of(env));
  }

  /** Like {@link #fromEnvironment}, from the reader every variable goes through. */
  public static Optional<ServerTls> read(ConfigReader env) {
    Optional<String> cert = env.text(ENV_CERT);
    Optional<String> key = env.text(ENV_KEY);
    if (cert.isEmpty() && key.isEmpty()) {
      return Optional.empty();
    }
    if (cert.isEmpty()) {
      throw new ConfigurationException(ENV_CERT, "is not set but " + ENV_KEY + " is (set both)");
    }
    if (key.isEmpty()) {
      throw new ConfigurationException(ENV_KEY, "is not set but " + ENV_CERT + " is (set both)");
    }
    String certificatePem = read(ENV_CERT, cert.get());
    List<X509Certificate> chain = certificates(certificatePem);
    PrivateKey privateKey = privateKey(read(ENV_KEY, key.get()));
    return Optional.of(new ServerTls(certificatePem, chain, privateKey));
  }

  /** True when the server's certificate signed itself: Telegram must then be given it. */
  public boolean selfSigned() {
    X509Certificate leaf = chain.get(0);
    if (!leaf.getSubjectX500Principal().equals(leaf.getIssuerX500Principal())) {
      return false;
    }
    try {
      leaf.verify(leaf.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** The server's own certificate as PEM (what setWebhook uploads). */
  public String leafPem() {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(chain.get(0).getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the certificate cannot be encoded", e);
    }
  }

  /**
   * Micronaut's SSL settings for HTTPS only on {@code port}: the key and chain go into a PKCS#12
   * key store in a private temporary file (deleted when the JVM exits), with a random password.
   */
  public Map<String, Object> micronautProperties(int port) {
    try {
      char[] password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16)).toCharArray();
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("gmbot", key, password, chain.toArray(X509Certificate[]::new));
      Path file =
          Files.createTempFile(
              "gmbot-tls",
              ".p12",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      file.toFile().deleteOnExit();
      try (OutputStream out = Files.newOutputStream(file)) {
        store.store(out, password);
      }
      return Map.of(
          "micronaut.server.ssl.enabled",
          true,
          "micronaut.server.ssl.build-self-signed",
          false,
          "micronaut.server.ssl.port",
          port,
          "micronaut.server.ssl.key-store.path",
          "file:" + file,
          "micronaut.server.ssl.key-store.password",
          new String(password),
          "micronaut.server.ssl.key-store.type",
          "PKCS12",
          "micronaut.server.ssl.key.alias",
          "gmbot",
          "micronaut.server.ssl.key.password",
          new String(password));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("could not prepare the TLS key store: " + e.getMessage(), e);
    }
  }

  private static String read(String variable, String path) {
    try {
      return Files.readString(Path.of(path), StandardCharsets.US_ASCII);
    } catch (IOException | RuntimeException e) {
      throw new ConfigurationException(
          variable, "cannot be read (" + path + ": " + e.getClass().getSimpleName() + ")");
    }
  }

  private static List<X509Certificate> certificates(String pem) {
    List<X509Certificate> chain = new ArrayList<>();
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (byte[] der : blocks(pem, "CERTIFICATE")) {
        chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new ConfigurationException(ENV_CERT, "is not a valid PEM certificate file");
    }
    if (chain.isEmpty()) {
      throw new ConfigurationException(
          ENV_CERT, "holds no certificate (expected -----BEGIN CERTIFICATE-----)");
    }
    return chain;
  }

  private static PrivateKey privateKey(String pem) {
    List<byte[]> keys = blocks(pem, "PRIVATE KEY");
    if (keys.isEmpty()) {
      throw new ConfigurationException(
          ENV_KEY,
          "holds no unencrypted PKCS#8 key (expected -----BEGIN PRIVATE KEY-----; convert with"
              + " openssl pkcs8 -topk8 -nocrypt)");
    }
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(keys.get(0));
    for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new ConfigurationException(ENV_KEY, "is not an RSA, EC or Ed25519 private key");
  }

  private static List<byte[]> blocks(String pem, String type) {
    List<byte[]> blocks = new ArrayList<>();
    Matcher m = PEM.matcher(pem);
    while (m.find()) {
      if (m.group(1).equals(type)) {
        blocks.add(Base64.getMimeDecoder().decode(m.group(2)));
      }
    }
    return blocks;
  }

  @Override
  public String toString() {
    return "ServerTls[" + chain.get(0).getSubjectX500Principal() + ", key=<hidden>]";
  }
}
