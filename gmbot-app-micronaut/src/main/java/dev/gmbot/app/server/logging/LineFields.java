package dev.gmbot.app.server.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.event.KeyValuePair;

/**
 * The structured fields of one log event: the MDC, then the SLF4J key-value pairs ({@code
 * LOG.atInfo().addKeyValue("updateId", 42)}), the later winning. A key that would overwrite a field
 * every line has ({@code time}, {@code level}, …) gets a leading underscore.
 */
final class LineFields {
  /** The fields every line has, in this order. */
  static final Set<String> RESERVED =
      Set.of("time", "level", "logger", "thread", "message", "error", "errorMessage", "stack");

  private LineFields() {}

  static Map<String, Object> of(ILoggingEvent event) {
    Map<String, Object> fields = new LinkedHashMap<>();
    Map<String, String> mdc = event.getMDCPropertyMap();
    if (mdc != null) {
      mdc.forEach((key, value) -> fields.put(safe(key), value));
    }
    List<KeyValuePair> pairs = event.getKeyValuePairs();
    if (pairs != null) {
      for (KeyValuePair pair : pairs) {
        if (pair.key != null) {
          fields.put(safe(pair.key), pair.value);
        }
      }
    }
    return fields;
  }

  private static String safe(String key) {
    return RESERVED.contains(key) ? "_" + key : key;
  }
}
