package dev.gmbot.app.server.logging;

import dev.gmbot.port.config.ConfigReader;
import dev.gmbot.port.config.ConfigurationException;
import java.util.Map;

/** How the server writes its log lines: {@code GMBOT_LOG_FORMAT}. */
public enum LogFormat {
  /** One JSON object per line on stdout, for log collectors (the default). */
  JSON,
  /** {@code time LEVEL logger - message key=value …} on stderr, for a person at a terminal. */
  TEXT;

  /** The variable that chooses it. */
  public static final String VARIABLE = "GMBOT_LOG_FORMAT";

  private static final Map<String, LogFormat> WORDS = Map.of("json", JSON, "text", TEXT);

  /**
   * {@code GMBOT_LOG_FORMAT}: {@code json} (default) or {@code text}.
   *
   * @throws ConfigurationException naming the variable for any other value
   */
  public static LogFormat read(ConfigReader env) {
    return env.choice(VARIABLE, JSON, WORDS);
  }

  /**
   * The format these variables ask for, without failing: logging is set up before the configuration
   * is validated, and an invalid value is reported by {@link #read} at start-up.
   */
  static LogFormat leniently(Map<String, String> env) {
    try {
      return read(ConfigReader.of(env));
    } catch (ConfigurationException e) {
      return JSON;
    }
  }
}
