package dev.gmbot.adapter.postgres;

import dev.gmbot.port.out.AuditTrail;
import dev.gmbot.port.out.ConversationRepository;
import dev.gmbot.port.out.DailyStatistics;
import dev.gmbot.port.out.EffectOutbox;
import dev.gmbot.port.out.GroupRepository;
import dev.gmbot.port.out.MemberDeadlines;
import dev.gmbot.port.out.MemberRepository;
import dev.gmbot.port.out.MemberSweeps;
import dev.gmbot.port.out.OwnerRepository;
import dev.gmbot.port.out.PendingJoinRequests;
import dev.gmbot.port.out.PromptRepository;
import dev.gmbot.port.out.Repositories;
import dev.gmbot.port.out.TrustList;
import java.util.Objects;

/**
 * Every repository of a {@link Database}, for views that replace a few of them (cached groups,
 * members written behind): a repository added to {@link Repositories} is forwarded here once, so no
 * view can fall back to a port's default by forgetting it.
 */
class DatabaseRepositories implements Repositories {
  private final Database database;

  DatabaseRepositories(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  @Override
  public GroupRepository groups() {
    return database.groups();
  }

  @Override
  public OwnerRepository owners() {
    return database.owners();
  }

  @Override
  public MemberRepository members() {
    return database.members();
  }

  @Override
  public PromptRepository prompts() {
    return database.prompts();
  }

  @Override
  public AuditTrail audit() {
    return database.audit();
  }

  @Override
  public ConversationRepository conversations() {
    return database.conversations();
  }

  @Override
  public DailyStatistics dailyStatistics() {
    return database.dailyStatistics();
  }

  @Override
  public EffectOutbox outbox() {
    return database.outbox();
  }

  @Override
  public TrustList trustList() {
    return database.trustList();
  }

  @Override
  public MemberDeadlines deadlines() {
    return database.deadlines();
  }

  @Override
  public PendingJoinRequests joinRequests() {
    return database.joinRequests();
  }

  @Override
  public MemberSweeps sweeps() {
    return database.sweeps();
  }
}
