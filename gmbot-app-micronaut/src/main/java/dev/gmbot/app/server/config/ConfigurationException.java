package dev.gmbot.app.server.config;

/**
 * The configuration is invalid. The message is one line naming the variable and what is expected;
 * the launcher prints it and exits with status 2, without a stack trace. It never contains the bot
 * token or the webhook secret.
 */
public final class ConfigurationException extends RuntimeException {
  private final String variable;

  public ConfigurationException(String variable, String problem) {
    this(variable, variable + " " + problem, true);
  }

  private ConfigurationException(String variable, String message, boolean unused) {
    super(oneLine(message), null, false, false);
    this.variable = variable;
  }

  /**
   * An adapter's own complaint, which already names its variable; {@code fallbackVariable} is named
   * when it does not.
   */
  public static ConfigurationException delegated(String fallbackVariable, String message) {
    String text = message == null || message.isBlank() ? "is invalid" : message;
    return text.contains(fallbackVariable) || text.matches("^[A-Z][A-Z0-9_]+ .*")
        ? new ConfigurationException(fallbackVariable, text, true)
        : new ConfigurationException(fallbackVariable, fallbackVariable + ": " + text, true);
  }

  private static String oneLine(String text) {
    int newline = text.indexOf('\n');
    return (newline < 0 ? text : text.substring(0, newline)).strip();
  }

  /** The environment variable at fault. */
  public String variable() {
    return variable;
  }
}
