package dev.gmbot.app.lambda.json;

import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Structured log lines, one JSON object per line, for CloudWatch Logs (Lambda sends stdout there).
 * Callers pass facts (ids, types, statuses), never update bodies or the bot token.
 */
public final class JsonLog {
  private final Consumer<String> sink;
  private final Clock clock;

  public JsonLog(Consumer<String> sink, Clock clock) {
    this.sink = Objects.requireNonNull(sink, "sink");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Lines to the given stream (Lambda: {@code System.out}). */
  public static JsonLog to(PrintStream out) {
    return new JsonLog(out::println, Clock.systemUTC());
  }

  public void info(String message, Map<String, ?> fields) {
    log("INFO", message, fields, null);
  }

  public void warn(String message, Map<String, ?> fields) {
    log("WARN", message, fields, null);
  }

  public void error(String message, Map<String, ?> fields, Throwable error) {
    log("ERROR", message, fields, error);
  }

  private void log(String level, String message, Map<String, ?> fields, Throwable error) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("time", clock.instant().toString());
    line.put("level", level);
    line.put("message", message);
    line.putAll(fields);
    if (error != null) {
      line.put("error", error.getClass().getName());
      line.put("errorMessage", String.valueOf(error.getMessage()));
      StackTraceElement[] trace = error.getStackTrace();
      if (trace.length > 0) {
        line.put("at", trace[0].toString());
      }
      if (error.getCause() != null) {
        line.put("cause", error.getCause().getClass().getName());
      }
    }
    sink.accept(JsonWriter.write(line));
  }
}
