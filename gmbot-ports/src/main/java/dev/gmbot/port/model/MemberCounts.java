package dev.gmbot.port.model;

/** Counts for /status: members known free (verified) and members restricted by GMBot. */
public record MemberCounts(long free, long restricted) {
  public MemberCounts {
    if (free < 0 || restricted < 0) {
      throw new IllegalArgumentException("counts are never negative");
    }
  }
}
