package dev.gmbot.adapter.postgres;

import dev.gmbot.port.out.AuditTrail;
import dev.gmbot.port.out.ConversationRepository;
import dev.gmbot.port.out.DailyStatistics;
import dev.gmbot.port.out.GroupRepository;
import dev.gmbot.port.out.MemberRepository;
import dev.gmbot.port.out.OwnerRepository;
import dev.gmbot.port.out.PromptRepository;
import dev.gmbot.port.out.Repositories;

/**
 * The database's repositories for the per-update path (ADR 0044): groups cached in process, members
 * cached with their activity written behind, the others as they are. Obtain it from {@link
 * Database#hotPath}; close it before the database (it flushes the pending activity).
 */
public final class HotPathRepositories implements Repositories, AutoCloseable {
  private final Database database;
  private final CachingGroupRepository groups;
  private final WriteBehindMemberRepository members;

  HotPathRepositories(
      Database database, CachingGroupRepository groups, WriteBehindMemberRepository members) {
    this.database = database;
    this.groups = groups;
    this.members = members;
  }

  @Override
  public GroupRepository groups() {
    return groups;
  }

  @Override
  public OwnerRepository owners() {
    return database.owners();
  }

  @Override
  public MemberRepository members() {
    return members;
  }

  @Override
  public PromptRepository prompts() {
    return database.prompts();
  }

  @Override
  public AuditTrail audit() {
    return database.audit();
  }

  /** The /stats counters: one upsert per addition, straight to the database. */
  @Override
  public DailyStatistics dailyStatistics() {
    return database.dailyStatistics();
  }

  /** The settings menu's conversations: off the hot path, straight from the database. */
  @Override
  public ConversationRepository conversations() {
    return database.conversations();
  }

  /** The member repository itself (flush, pending count). */
  public WriteBehindMemberRepository writeBehindMembers() {
    return members;
  }

  /** Flushes the pending member activity and stops the periodic flush. */
  @Override
  public void close() {
    members.close();
  }
}
