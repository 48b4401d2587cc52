package dev.gmbot.adapter.postgres;

/**
 * The database cannot be reached or migrated at start-up (an invalid {@code DATABASE_URL} is a
 * {@link dev.gmbot.port.config.ConfigurationException} instead). The message is one line meant for
 * the operator: it names {@code DATABASE_URL} and what happened, and never contains a password.
 * Applications print {@link #getMessage()} and exit.
 */
public final class DatabaseConfigurationException extends RuntimeException {
  public DatabaseConfigurationException(String message) {
    super(message);
  }

  public DatabaseConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
