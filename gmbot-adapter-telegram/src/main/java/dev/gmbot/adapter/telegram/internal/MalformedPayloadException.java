package dev.gmbot.adapter.telegram.internal;

/**
 * A Bot API payload lacks a required field or holds an impossible value. The message names the
 * field, never its content (payloads carry personal data).
 */
public final class MalformedPayloadException extends RuntimeException {
  public MalformedPayloadException(String message) {
    super(message);
  }

  public MalformedPayloadException(String message, Throwable cause) {
    super(message, cause);
  }
}
