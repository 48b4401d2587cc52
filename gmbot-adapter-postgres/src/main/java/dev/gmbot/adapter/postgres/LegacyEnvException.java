package dev.gmbot.adapter.postgres;

/**
 * A legacy {@code .env} file cannot be imported. The message is one line naming the file's line
 * number and key where there is one; it never repeats a value of a key the importer does not know
 * (such files hold the bot token).
 */
public final class LegacyEnvException extends RuntimeException {
  public LegacyEnvException(String message) {
    super(message);
  }
}
