package dev.gmbot.port.config;

import java.util.Map;

/**
 * {@code ENVIRONMENT}: {@code development} (also {@code dev}) or {@code production} ({@code prod}).
 */
public enum Environment {
  DEVELOPMENT,
  PRODUCTION;

  /** The variable's name. */
  public static final String VARIABLE = "ENVIRONMENT";

  /** Reads {@code ENVIRONMENT}; default {@code development}. */
  public static Environment read(ConfigReader env) {
    return env.choice(
        VARIABLE,
        DEVELOPMENT,
        Map.of(
            "development",
            DEVELOPMENT,
            "dev",
            DEVELOPMENT,
            "production",
            PRODUCTION,
            "prod",
            PRODUCTION));
  }
}
