package dev.gmbot.app.lambda.config;

import java.util.Objects;

/**
 * The environment does not describe a runnable function. The message is one line that names the
 * variable and never repeats a secret value.
 */
public final class ConfigurationException extends RuntimeException {
  private final String variable;

  public ConfigurationException(String variable, String problem) {
    super(variable + ": " + problem);
    this.variable = Objects.requireNonNull(variable, "variable");
  }

  /** The environment variable at fault. */
  public String variable() {
    return variable;
  }
}
