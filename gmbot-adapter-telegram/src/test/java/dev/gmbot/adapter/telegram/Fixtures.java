package dev.gmbot.adapter.telegram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared Telegram fixtures, read in place from {@code shared/telegram/fixtures} beside the
 * repository (found by walking up from the working directory). Nothing is copied into the repo.
 */
final class Fixtures {
  private static final Path ROOT = locate();

  private Fixtures() {}

  private static Path locate() {
    Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("telegram").resolve("fixtures");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "shared/telegram/fixtures not found in "
            + start
            + " or any parent directory: the repository must be cloned with shared/ beside it");
  }

  static Path root() {
    return ROOT;
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
