package dev.gmbot.app.server.config;

/**
 * The configuration is invalid. The message is one line naming the variable and what is expected;
 * the launcher prints it and exits with status 2, without a stack trace. It never contains the bot
 * token or the webhook secret.
 */
public final class ConfigurationException extends RuntimeException {
  private final String variable;

  public ConfigurationException(String variable, String problem) {
    super(variable + " " + problem, null, false, false);
    this.variable = variable;
  }

  /** The environment variable at fault. */
  public String variable() {
    return variable;
  }
}
