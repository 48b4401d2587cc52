package dev.gmbot.app.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.EncoderBase;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.List;
import java.util.Objects;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * The server's logging, set up in code (no logback.xml to parse at start-up): logback finds this
 * class through {@code META-INF/services} when the first logger is created, and Micronaut asks it
 * again when its context starts. {@link LogFormat#JSON} writes one JSON object per line to stdout;
 * {@link LogFormat#TEXT} writes readable lines to stderr (the sandbox's transcript is on stdout).
 *
 * <p>The format is {@code GMBOT_LOG_FORMAT} of the process's environment ({@code json} unless it
 * says {@code text}); {@link #use(LogFormat)} overrides it, and the sandbox is always text ({@link
 * #useForConsole()}). The libraries' chatter (Micronaut, Netty, HikariCP, Flyway, Lettuce) is kept
 * to warnings.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class ServerLogging extends ContextAwareBase implements Configurator {
  private static final List<String> QUIET =
      List.of(
          "io.micronaut", "io.netty", "com.zaxxer.hikari", "org.flywaydb", "io.lettuce", "reactor");

  /** The handling line: the sandbox's transcript shows every update already. */
  private static final String HANDLING_LINE = "dev.gmbot.app.server.ingest.OutcomeLog";

  private static volatile LogFormat chosen;
  private static volatile boolean forConsole;

  /** Logback creates it (public, no arguments). */
  public ServerLogging() {}

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    apply(context, format());
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** The format in force: the one {@link #use} chose, or the environment's. */
  public static LogFormat format() {
    LogFormat format = chosen;
    if (format == null) {
      format = LogFormat.leniently(System.getenv());
      chosen = format;
    }
    return format;
  }

  /** Switches the process's logging to this format now. */
  public static void use(LogFormat format) {
    Objects.requireNonNull(format, "format");
    chosen = format;
    reapply();
  }

  /**
   * The sandbox's console: text whatever {@code GMBOT_LOG_FORMAT} says, and the handling line only
   * for updates that went wrong (the transcript shows the others).
   */
  public static void useForConsole() {
    chosen = LogFormat.TEXT;
    forConsole = true;
    reapply();
  }

  private static void reapply() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (factory instanceof LoggerContext context) {
      apply(context, format());
    }
  }

  /** Replaces the context's configuration with one console appender in this format. */
  static void apply(LoggerContext context, LogFormat format) {
    context.reset();
    EncoderBase<ILoggingEvent> encoder =
        format == LogFormat.JSON ? new JsonLineEncoder() : new TextLineEncoder();
    encoder.setContext(context);
    encoder.start();
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("console");
    console.setTarget(format == LogFormat.JSON ? "System.out" : "System.err");
    console.setEncoder(encoder);
    console.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(console);
    for (String name : QUIET) {
      context.getLogger(name).setLevel(Level.WARN);
    }
    if (forConsole) {
      context.getLogger(HANDLING_LINE).setLevel(Level.WARN);
    }
  }
}
