package dev.gmbot.adapter.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Telegram fixture on the classpath (the testkit's test-jar) is exercised by a test of this
 * module: its path is named in a test source.
 */
class FixtureCoverageTest {
  @Test
  void everyFixtureIsUsedByATest() {
    Path sources = Path.of("src/test/java").toAbsolutePath();
    String testCode;
    try (Stream<Path> files = Files.walk(sources)) {
      testCode =
          files
              .filter(p -> p.toString().endsWith("Test.java"))
              .map(
                  p -> {
                    try {
                      return Files.readString(p);
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  })
              .collect(Collectors.joining("\n"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(Fixtures.all()).hasSizeGreaterThanOrEqualTo(43);
    assertThat(Fixtures.all())
        .allSatisfy(fixture -> assertThat(testCode).contains("\"" + fixture + "\""));
  }
}
