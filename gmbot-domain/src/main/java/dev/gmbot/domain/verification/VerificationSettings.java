package dev.gmbot.domain.verification;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of verification.
 *
 * @param positiveTtl how long "subscribed" is cached (before jitter)
 * @param negativeTtl how long "not subscribed" is cached (before jitter)
 * @param jitter the relative random spread applied to each TTL, e.g. 0.15 for ±15 %
 * @param retries how many times a transient failure is retried before "cannot check now"
 * @param administratorTtl how long a group's administrator list is cached
 */
public record VerificationSettings(
    Duration positiveTtl,
    Duration negativeTtl,
    double jitter,
    int retries,
    Duration administratorTtl) {

  public static final VerificationSettings DEFAULTS =
      new VerificationSettings(
          Duration.ofMinutes(10), Duration.ofMinutes(1), 0.15, 2, Duration.ofHours(1));

  public VerificationSettings {
    Objects.requireNonNull(positiveTtl, "positiveTtl");
    Objects.requireNonNull(negativeTtl, "negativeTtl");
    Objects.requireNonNull(administratorTtl, "administratorTtl");
    if (!positiveTtl.isPositive() || !negativeTtl.isPositive() || !administratorTtl.isPositive()) {
      throw new IllegalArgumentException("TTLs are positive");
    }
    if (jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("jitter is in [0, 1), got " + jitter);
    }
    if (retries < 0 || retries > 10) {
      throw new IllegalArgumentException("retries are in [0, 10], got " + retries);
    }
  }
}
