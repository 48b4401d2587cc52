package dev.gmbot.testkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
    Path dir = Path.of("/work/shared/telegram/fixtures/derived");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(dir), "fixtures not present");
    try (var files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        String text = Files.readString(f).strip();
        assertThat(Json.write(Json.parse(text))).as(f.toString()).isEqualTo(text);
      }
    }
  }
}
