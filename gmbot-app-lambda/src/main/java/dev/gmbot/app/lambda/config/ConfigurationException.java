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

  private ConfigurationException(String variable, String message, Throwable cause) {
    super(message, cause);
    this.variable = variable;
  }

  /**
   * Wraps an adapter's configuration error, whose message already names the variable and hides
   * secrets. {@link #variable()} is the first word of the message that starts with one of the given
   * names (or prefixes), else the first of them.
   */
  public static ConfigurationException fromAdapter(RuntimeException error, String... names) {
    String message = String.valueOf(error.getMessage()).lines().findFirst().orElse("");
    java.util.regex.Matcher words =
        java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]{2,}").matcher(message);
    while (words.find()) {
      for (String name : names) {
        if (words.group().startsWith(name)) {
          return new ConfigurationException(words.group(), message, error);
        }
      }
    }
    String variable = names.length > 0 ? names[0] : "environment";
    return new ConfigurationException(
        variable, message.startsWith(variable) ? message : variable + ": " + message, error);
  }

  /** The environment variable at fault. */
  public String variable() {
    return variable;
  }
}
