package dev.gmbot.port.out;

/**
 * The durable store the guard works on, as one object: a database adapter (or an in-memory fake)
 * serves every repository, so that the guard is assembled from it without naming the adapter.
 */
public interface Repositories {
  GroupRepository groups();

  OwnerRepository owners();

  MemberRepository members();

  PromptRepository prompts();

  AuditTrail audit();

  /** The settings menu's questions and remembered groups. */
  ConversationRepository conversations();

  /**
   * The per-day counters /stats draws. Default: {@link DailyStatistics#NONE} (a store that keeps
   * none; /stats then answers with the audit figures in text).
   */
  default DailyStatistics dailyStatistics() {
    return DailyStatistics.NONE;
  }
}
