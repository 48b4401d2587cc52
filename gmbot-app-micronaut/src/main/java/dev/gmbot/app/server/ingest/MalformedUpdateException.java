package dev.gmbot.app.server.ingest;

/** A webhook body that is not a decodable Bot API update; the message holds no personal data. */
public final class MalformedUpdateException extends Exception {
  public MalformedUpdateException(String message) {
    super(message, null, false, false);
  }
}
