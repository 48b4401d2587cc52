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
   * Where effects that must wait are recorded (ADR 0014). Default: {@link EffectOutbox#NONE}, every
   * effect runs inline.
   */
  default EffectOutbox outbox() {
    return EffectOutbox.NONE;
  }

  /**
   * The per-day counters /stats draws. Default: {@link DailyStatistics#NONE} (a store that keeps
   * none; /stats then answers with the audit figures in text).
   */
  default DailyStatistics dailyStatistics() {
    return DailyStatistics.NONE;
  }

  // ---- enforcement policy (issue 16) ----

  /** Members exempt from the checks, per group (/trust). */
  TrustList trustList();

  /** Stored deadlines about members: removals after a time, releases of held joiners. */
  MemberDeadlines deadlines();

  // ---- the join-request gate (ADR 0023) ----

  /**
   * Join requests held open until the requester subscribes. Default: {@link
   * PendingJoinRequests#NONE} (nothing held: only the button approves later, nothing expires).
   */
  default PendingJoinRequests joinRequests() {
    return PendingJoinRequests.NONE;
  }

  // ---- background sweeps (issue 16, items 4-6) ----

  /**
   * Progress and leases of the reconciliation and active-member sweeps (ADR 0025). Default: {@link
   * MemberSweeps#NONE}: no sweep runs.
   */
  default MemberSweeps sweeps() {
    return MemberSweeps.NONE;
  }
}
