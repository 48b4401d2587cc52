package dev.gmbot.app.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import dev.gmbot.port.config.ConfigReader;
import dev.gmbot.port.config.ConfigurationException;
import dev.gmbot.testkit.simulator.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.KeyValuePair;

class LineEncodersTest {
  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

  private LoggingEvent event(String message, Throwable error, Object... args) {
    LoggingEvent event =
        new LoggingEvent(
            LineEncodersTest.class.getName(),
            context.getLogger("dev.gmbot.app.server.ingest.OutcomeLog"),
            Level.WARN,
            message,
            error,
            args);
    event.setThreadName("gmbot-update-7");
    event.setTimeStamp(1_735_732_800_123L); // 2025-01-01T12:00:00.123Z
    return event;
  }

  private static String encode(Encoder<ILoggingEvent> encoder, LoggingEvent event) {
    return new String(encoder.encode(event), StandardCharsets.UTF_8);
  }

  @Test
  void aJsonLineIsOneObjectWithTheStructuredFieldsAsTheirOwnTypes() {
    LoggingEvent event = event("update {}", null, "handled");
    event.addKeyValuePair(new KeyValuePair("updateId", 42L));
    event.addKeyValuePair(new KeyValuePair("chatId", -1001234567890L));
    event.addKeyValuePair(new KeyValuePair("status", 200));
    event.addKeyValuePair(new KeyValuePair("detail", "a \"quoted\"\nline\tand \u0001"));
    event.addKeyValuePair(new KeyValuePair("message", "not the message"));
    String line;
    MDC.put("requestId", "r-1");
    try {
      line = encode(new JsonLineEncoder(), event);
    } finally {
      MDC.remove("requestId");
    }

    assertThat(line).endsWith("}\n").doesNotContain("\n{").hasLineCount(1);
    Map<String, Object> json = Json.parseObject(line.strip());
    assertThat(json)
        .containsEntry("time", "2025-01-01T12:00:00.123Z")
        .containsEntry("level", "WARN")
        .containsEntry("logger", "dev.gmbot.app.server.ingest.OutcomeLog")
        .containsEntry("thread", "gmbot-update-7")
        .containsEntry("message", "update handled")
        .containsEntry("updateId", 42L)
        .containsEntry("chatId", -1001234567890L)
        .containsEntry("status", 200L)
        .containsEntry("detail", "a \"quoted\"\nline\tand \u0001")
        .containsEntry("_message", "not the message")
        .containsEntry("requestId", "r-1");
  }

  @Test
  void aFailureCarriesItsClassMessageAndStackInTheSameLine() {
    IllegalStateException error =
        new IllegalStateException("a bug", new IllegalArgumentException("the cause"));

    String line = encode(new JsonLineEncoder(), event("Update 41 failed", error));

    assertThat(line).hasLineCount(1);
    Map<String, Object> json = Json.parseObject(line.strip());
    assertThat(json)
        .containsEntry("error", "java.lang.IllegalStateException")
        .containsEntry("errorMessage", "a bug");
    assertThat(String.valueOf(json.get("stack")))
        .startsWith("java.lang.IllegalStateException: a bug\n\tat ")
        .contains("Caused by: java.lang.IllegalArgumentException: the cause");
  }

  @Test
  void aTextLineIsForAPerson() {
    LoggingEvent event = event("update {}", null, "handled");
    event.addKeyValuePair(new KeyValuePair("updateId", 42L));
    event.addKeyValuePair(new KeyValuePair("outcome", "handled"));

    assertThat(encode(new TextLineEncoder(), event))
        .isEqualTo(
            "2025-01-01T12:00:00.123Z WARN OutcomeLog - update handled updateId=42 outcome=handled"
                + System.lineSeparator());

    String failure = encode(new TextLineEncoder(), event("boom", new IllegalStateException("x")));
    assertThat(failure.lines().toList().get(0)).endsWith("WARN OutcomeLog - boom");
    assertThat(failure.lines().toList().get(1)).isEqualTo("java.lang.IllegalStateException: x");
  }

  @Test
  void theFormatIsJsonTextOrANamedError() {
    assertThat(LogFormat.read(ConfigReader.of(Map.of()))).isEqualTo(LogFormat.JSON);
    assertThat(LogFormat.read(ConfigReader.of(Map.of("GMBOT_LOG_FORMAT", "TEXT"))))
        .isEqualTo(LogFormat.TEXT);
    try {
      LogFormat.read(ConfigReader.of(Map.of("GMBOT_LOG_FORMAT", "xml")));
      throw new AssertionError("accepted xml");
    } catch (ConfigurationException e) {
      assertThat(e.variable()).isEqualTo("GMBOT_LOG_FORMAT");
      assertThat(e.getMessage()).contains("json, text");
    }
    assertThat(LogFormat.leniently(Map.of("GMBOT_LOG_FORMAT", "xml"))).isEqualTo(LogFormat.JSON);
  }
}
