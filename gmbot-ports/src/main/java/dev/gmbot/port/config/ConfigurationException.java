package dev.gmbot.port.config;

import java.util.Objects;

/**
 * A configuration variable is missing or invalid. The message is one line, {@code VARIABLE problem}
 * (for example {@code PORT must be a whole number from 0 to 65535, got 'http'}); it never contains
 * a secret value (the bot token, the webhook secret, passwords). The deployables print it and stop:
 * the server exits with status 2, the Lambda init fails.
 */
public final class ConfigurationException extends RuntimeException {
  private final String variable;
  private final String problem;

  /**
   * @param variable the environment variable at fault, e.g. {@code DATABASE_URL}
   * @param problem what is wrong with it, as the rest of a sentence starting with the variable's
   *     name: {@code "is not set (expected …)"}, {@code "must be …, got '…'"}
   */
  public ConfigurationException(String variable, String problem) {
    super(
        Objects.requireNonNull(variable, "variable") + " " + firstLine(problem),
        null,
        false,
        false);
    this.variable = variable;
    this.problem = firstLine(problem);
  }

  /** The environment variable at fault. */
  public String variable() {
    return variable;
  }

  /** What is wrong with it (the message without the variable's name). */
  public String problem() {
    return problem;
  }

  private static String firstLine(String text) {
    String value = Objects.requireNonNull(text, "problem").strip();
    int newline = value.indexOf('\n');
    return (newline < 0 ? value : value.substring(0, newline)).strip();
  }
}
