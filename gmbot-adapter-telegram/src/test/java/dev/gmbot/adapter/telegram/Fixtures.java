package dev.gmbot.adapter.telegram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Telegram fixtures, read from the classpath ({@code telegram/fixtures/}, the testkit's
 * test-jar, see ADR 0006): the same files wherever the repository is cloned. A missing directory is
 * a build error, never a skipped test.
 */
final class Fixtures {
  private static final String ANCHOR = "telegram/fixtures/README.md";
  private static final Path ROOT = locate();

  private Fixtures() {}

  private static Path locate() {
    URL anchor = Fixtures.class.getClassLoader().getResource(ANCHOR);
    if (anchor == null) {
      throw new IllegalStateException(
          ANCHOR + " is not on the test classpath: the gmbot-testkit test-jar is missing");
    }
    try {
      URI uri = anchor.toURI();
      if ("jar".equals(uri.getScheme())) {
        openZipFileSystem(uri);
      }
      return Path.of(uri).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("unreadable fixture location " + anchor, e);
    }
  }

  /** Opens the jar once for the life of the test JVM, so that its entries are paths. */
  private static void openZipFileSystem(URI uri) {
    try {
      FileSystems.newFileSystem(uri, Map.of());
    } catch (FileSystemAlreadyExistsException alreadyOpen) {
      // opened by an earlier class loader of this JVM: its paths serve as well
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the fixtures jar " + uri, e);
    }
  }

  /** A fixture by its path under the fixtures directory, e.g. {@code found/x.json}. */
  static String read(String relative) {
    try {
      return Files.readString(ROOT.resolve(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("fixture " + relative, e);
    }
  }

  /** Every JSON fixture, as {@code found/…} and {@code derived/…} paths. */
  static List<String> all() {
    try (Stream<Path> files = Files.walk(ROOT)) {
      return files
          .filter(p -> p.toString().endsWith(".json"))
          .map(p -> ROOT.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A Message fixture wrapped into an Update, as Telegram would deliver it. */
  static String asMessageUpdate(long updateId, String relative) {
    return "{\"update_id\":" + updateId + ",\"message\":" + read(relative) + "}";
  }
}
