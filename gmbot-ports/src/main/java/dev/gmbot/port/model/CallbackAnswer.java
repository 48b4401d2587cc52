package dev.gmbot.port.model;

import java.util.Objects;
import java.util.Optional;

/** The answer to a pressed callback button: an optional toast, or an alert when {@code alert}. */
public record CallbackAnswer(String callbackQueryId, Optional<String> text, boolean alert) {
  public CallbackAnswer {
    Objects.requireNonNull(callbackQueryId, "callbackQueryId");
    Objects.requireNonNull(text, "text");
    if (text.isPresent() && text.get().length() > 200) {
      throw new IllegalArgumentException("a callback answer is at most 200 characters");
    }
  }

  public static CallbackAnswer silent(String id) {
    return new CallbackAnswer(id, Optional.empty(), false);
  }

  public static CallbackAnswer toast(String id, String text) {
    return new CallbackAnswer(id, Optional.of(text), false);
  }

  public static CallbackAnswer alert(String id, String text) {
    return new CallbackAnswer(id, Optional.of(text), true);
  }
}
