package dev.gmbot.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * The answer of a {@link RateLimitStore}: granted now, or refused with the earliest instant at
 * which every meter asked would have a permit.
 */
public record Acquisition(boolean granted, Instant retryAt) {
  public Acquisition {
    Objects.requireNonNull(retryAt, "retryAt");
  }

  public static Acquisition grantedAt(Instant now) {
    return new Acquisition(true, now);
  }

  public static Acquisition refusedUntil(Instant retryAt) {
    return new Acquisition(false, retryAt);
  }
}
