package dev.gmbot.app.server.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One JSON object per line, with the fields of the Lambda deployable's log lines: {@code time}
 * (ISO-8601, UTC), {@code level}, {@code logger}, {@code thread}, {@code message}, then the event's
 * structured fields ({@link LineFields}), then for a failure {@code error} (the exception's class),
 * {@code errorMessage} and {@code stack} (the whole stack trace, causes included).
 */
public final class JsonLineEncoder extends EncoderBase<ILoggingEvent> {
  private static final byte[] NOTHING = new byte[0];

  @Override
  public byte[] headerBytes() {
    return NOTHING;
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    StringBuilder line = new StringBuilder(256);
    line.append('{');
    field(line, "time", event.getInstant().toString(), true);
    field(line, "level", event.getLevel().toString(), false);
    field(line, "logger", event.getLoggerName(), false);
    field(line, "thread", event.getThreadName(), false);
    field(line, "message", event.getFormattedMessage(), false);
    for (Map.Entry<String, Object> entry : LineFields.of(event).entrySet()) {
      field(line, entry.getKey(), entry.getValue(), false);
    }
    IThrowableProxy error = event.getThrowableProxy();
    if (error != null) {
      field(line, "error", error.getClassName(), false);
      field(line, "errorMessage", error.getMessage(), false);
      field(line, "stack", ThrowableProxyUtil.asString(error).stripTrailing(), false);
    }
    line.append("}\n");
    return line.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public byte[] footerBytes() {
    return NOTHING;
  }

  private static void field(StringBuilder line, String name, Object value, boolean first) {
    if (!first) {
      line.append(',');
    }
    JsonText.string(line, name);
    line.append(':');
    JsonText.value(line, value);
  }
}
