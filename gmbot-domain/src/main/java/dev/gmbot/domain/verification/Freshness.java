package dev.gmbot.domain.verification;

/** How much a check may trust cached answers. */
public enum Freshness {
  /** Positive and negative cached answers count (messages, checks of members already in). */
  CACHED,
  /**
   * Only positive cached answers count: a user who presses "verify", joins or asks to join has
   * probably just subscribed, so a cached "not subscribed" is asked again.
   */
  SKIP_NEGATIVE_CACHE
}
