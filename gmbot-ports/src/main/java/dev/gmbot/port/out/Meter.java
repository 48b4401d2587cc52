package dev.gmbot.port.out;

import java.util.Objects;

/** One budget: a key (e.g. {@code global}, {@code chat:-100123}) metered at a rate. */
public record Meter(String key, Rate rate) {
  public Meter {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("a meter needs a key");
    }
    Objects.requireNonNull(rate, "rate");
  }
}
