package dev.gmbot.port.model;

/** What GMBot last did to a member of a protected group. */
public enum RestrictionState {
  /** Never restricted by GMBot, or released: free to write. */
  FREE,
  /** Muted by GMBot until they subscribe. */
  RESTRICTED
}
