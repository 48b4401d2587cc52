package dev.gmbot.adapter.postgres;

/**
 * The database configuration is wrong or the database cannot be reached at start-up. The message is
 * one line meant for the operator: it names {@code DATABASE_URL} and what is expected, and never
 * contains a password. Applications print {@link #getMessage()} and exit.
 */
public final class DatabaseConfigurationException extends RuntimeException {
  public DatabaseConfigurationException(String message) {
    super(message);
  }

  public DatabaseConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
