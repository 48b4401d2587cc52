package dev.gmbot.adapter.postgres;

import dev.gmbot.port.out.DailyStatistics;
import dev.gmbot.port.out.GroupRepository;
import dev.gmbot.port.out.MemberRepository;
import dev.gmbot.port.out.TrustList;

/**
 * The database's repositories for the per-update path (ADR 0044): groups cached in process, members
 * cached with their activity written behind, the others as they are. Obtain it from {@link
 * Database#hotPath}; close it before the database (it flushes the pending activity and counters).
 */
public final class HotPathRepositories extends DatabaseRepositories implements AutoCloseable {
  private final CachingGroupRepository groups;
  private final WriteBehindMemberRepository members;
  private final WriteBehindDailyStatistics statistics;
  private final CachingTrustList trustList;

  HotPathRepositories(
      Database database,
      CachingGroupRepository groups,
      WriteBehindMemberRepository members,
      WriteBehindDailyStatistics statistics,
      CachingTrustList trustList) {
    super(database);
    this.groups = groups;
    this.members = members;
    this.statistics = statistics;
    this.trustList = trustList;
  }

  /** Trusted members cached per group, dropped on change notices like the groups (ADR 0018). */
  @Override
  public TrustList trustList() {
    return trustList;
  }

  @Override
  public GroupRepository groups() {
    return groups;
  }

  @Override
  public MemberRepository members() {
    return members;
  }

  /** The /stats counters: summed in memory, one upsert per group and day per flush. */
  @Override
  public DailyStatistics dailyStatistics() {
    return statistics;
  }

  /** The member repository itself (flush, pending count). */
  public WriteBehindMemberRepository writeBehindMembers() {
    return members;
  }

  /** The daily statistics themselves (flush). */
  public WriteBehindDailyStatistics writeBehindStatistics() {
    return statistics;
  }

  /** Flushes the pending member activity and counters and stops the periodic flushes. */
  @Override
  public void close() {
    try {
      members.close();
    } finally {
      statistics.close();
    }
  }
}
