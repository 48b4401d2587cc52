package dev.gmbot.port.model;

/**
 * The figures kept per group and UTC day for {@code /stats}: each one a counter the guard adds to
 * when it acts, so that /stats reads a few rows instead of recounting the audit trail.
 */
public enum DailyCounter {
  /** People who joined the group (each one counts, also several in one service message). */
  JOINS,
  /** Members GMBot restricted (muted until they subscribe). */
  RESTRICTED,
  /** Restricted members who pressed the button and were found subscribed. */
  VERIFIED_BY_BUTTON,
  /**
   * Restricted members released without a press: a subscription seen, a join request, a re-check.
   */
  VERIFIED_AUTOMATICALLY,
  /** Messages GMBot deleted. */
  MESSAGES_DELETED,
  /** Membership checks that ended with an answer (subscribed or not). */
  CHECKS,
  /** Of those, the checks that found the member subscribed to every channel. */
  CHECKS_PASSED,
  /** Channel answers a check needed (one per channel of the group). */
  CHANNEL_ANSWERS,
  /** Of those, the answers that came from the membership cache (no Bot API call). */
  CACHE_ANSWERS
}
