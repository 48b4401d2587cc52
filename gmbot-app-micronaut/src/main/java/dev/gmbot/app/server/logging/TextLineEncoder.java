package dev.gmbot.app.server.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Lines for a person: {@code 2025-01-31T12:00:00.123Z INFO GmbotServer - message key=value …}, then
 * the stack trace of a failure on the lines below.
 */
public final class TextLineEncoder extends EncoderBase<ILoggingEvent> {
  private static final byte[] NOTHING = new byte[0];
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);

  @Override
  public byte[] headerBytes() {
    return NOTHING;
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    StringBuilder line = new StringBuilder(160);
    line.append(TIME.format(event.getInstant()))
        .append(' ')
        .append(event.getLevel())
        .append(' ')
        .append(shortName(event.getLoggerName()))
        .append(" - ")
        .append(event.getFormattedMessage());
    for (Map.Entry<String, Object> entry : LineFields.of(event).entrySet()) {
      line.append(' ').append(entry.getKey()).append('=').append(entry.getValue());
    }
    line.append(CoreConstants.LINE_SEPARATOR);
    IThrowableProxy error = event.getThrowableProxy();
    if (error != null) {
      line.append(ThrowableProxyUtil.asString(error).stripTrailing())
          .append(CoreConstants.LINE_SEPARATOR);
    }
    return line.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public byte[] footerBytes() {
    return NOTHING;
  }

  private static String shortName(String logger) {
    int dot = logger.lastIndexOf('.');
    return dot < 0 ? logger : logger.substring(dot + 1);
  }
}
