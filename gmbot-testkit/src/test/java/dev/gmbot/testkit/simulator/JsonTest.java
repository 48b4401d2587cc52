package dev.gmbot.testkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void roundTripsKeepingKeyOrderAndEscapes() {
    String text =
        "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many \\\"x\\\"\\n\","
            + "\"parameters\":{\"retry_after\":5},\"list\":[1,-2.5,true,null,\"\\u00e9\"]}";
    Object parsed = Json.parse(text);
    assertThat(parsed).isInstanceOf(Map.class);
    assertThat(Json.parseObject(text).keySet())
        .containsExactly("ok", "error_code", "description", "parameters", "list");
    assertThat(Json.write(parsed))
        .isEqualTo(
            "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many \\\"x\\\"\\n\","
                + "\"parameters\":{\"retry_after\":5},\"list\":[1,-2.5,true,null,\"é\"]}");
  }

  @Test
  void bigIdsStayIntegral() {
    assertThat(Json.parse("-1001234567890")).isEqualTo(-1001234567890L);
    assertThat(Json.parse("[]")).isEqualTo(List.of());
  }

  @Test
  void rejectsMalformedText() {
    assertThatThrownBy(() -> Json.parse("{\"a\":}")).isInstanceOf(Json.JsonException.class);
    assertThatThrownBy(() -> Json.parse("{} x")).isInstanceOf(Json.JsonException.class);
    assertThatThrownBy(() -> Json.parse("\"abc")).isInstanceOf(Json.JsonException.class);
  }

  @Test
  void reproducesEveryCompactDerivedFixtureByteForByte() throws Exception {
    Path dir = derivedFixtures();
    List<Path> fixtures;
    try (Stream<Path> files = Files.list(dir)) {
      fixtures = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(fixtures).as("derived fixtures in " + dir).hasSizeGreaterThanOrEqualTo(24);
    for (Path f : fixtures) {
      String text = Files.readString(f, StandardCharsets.UTF_8).strip();
      assertThat(Json.write(Json.parse(text))).as(f.getFileName().toString()).isEqualTo(text);
    }
  }

  /** The testkit's own test resources: {@code telegram/fixtures/derived} (ADR 0006). */
  private static Path derivedFixtures() throws URISyntaxException {
    URL readme = JsonTest.class.getClassLoader().getResource("telegram/fixtures/README.md");
    assertThat(readme).as("telegram/fixtures on the test classpath").isNotNull();
    return Path.of(readme.toURI()).resolveSibling("derived");
  }
}
