package dev.gmbot.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.GroupMember;
import dev.gmbot.port.model.GroupSettings;
import dev.gmbot.port.model.Owner;
import dev.gmbot.port.model.PauseReason;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.model.RestrictionState;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.ChangeNotices;
import dev.gmbot.port.out.NonBlocking;
import dev.gmbot.port.out.StorageUnavailableException;
import dev.gmbot.port.out.WouldBlockException;
import dev.gmbot.testkit.contract.GroupRepositoryContract;
import dev.gmbot.testkit.contract.MemberRepositoryContract;
import dev.gmbot.testkit.contract.RepositoryStore;
import dev.gmbot.testkit.fake.MutableClock;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The hot-path repositories ({@link CachingGroupRepository}, {@link WriteBehindMemberRepository})
 * on a real database: the port contracts, the statement budget of a known member's update, write
 * behind, and invalidation between two instances sharing the database.
 */
abstract class HotPathRepositoriesBehaviour {
  private static final GroupId GROUP = GroupId.of(-1001000000777L);
  private static final EnforcedChannel CHANNEL =
      new EnforcedChannel(
          ChannelId.of(-1002000000777L), "News", Optional.of("news"), Optional.empty());
  private static final Owner OWNER = new Owner(UserId.of(1), Optional.of("owner"), true);
  private static final Duration NEVER = Duration.ofHours(1);
  private static final GroupSettings KEEP_MESSAGES =
      new GroupSettings(
          Optional.empty(),
          GroupSettings.DEFAULTS.verifyButtonText(),
          GroupSettings.DEFAULTS.joinButtonText(),
          GroupSettings.DEFAULTS.promptLifetime(),
          false);

  private final MutableClock clock = MutableClock.atEpochOfTests();
  private final List<AutoCloseable> opened = new ArrayList<>();
  private Database db;

  abstract PersistenceConfig config();

  @BeforeEach
  void open() {
    db = Database.connect(config());
    db.migrate();
  }

  @AfterEach
  void dispose() throws Exception {
    for (AutoCloseable c : opened.reversed()) {
      c.close();
    }
    TestDatabases.dispose(db);
  }

  private WriteBehindMemberRepository members(ChangeNotices notices) {
    WriteBehindMemberRepository members = db.writeBehindMembers(notices, clock, NEVER);
    opened.add(members);
    return members;
  }

  private Instant at(int minutes) {
    return clock.instant().plus(Duration.ofMinutes(minutes));
  }

  private ProtectedGroup protect(CachingGroupRepository groups) {
    return groups.protect(GROUP, "Group", OWNER, List.of(CHANNEL), at(0));
  }

  @Test
  void aKnownMembersUpdateRunsNoStatement() {
    CachingGroupRepository groups = db.cachedGroups(ChangeNotices.NONE, clock);
    WriteBehindMemberRepository members = members(ChangeNotices.NONE);
    protect(groups);
    UserId user = UserId.of(42);
    groups.find(GROUP);
    groups.find(GroupId.of(-1009));
    members.find(GROUP, user);
    long before = db.statements();

    for (int i = 0; i < 1_000; i++) {
      assertThat(groups.find(GROUP)).get().extracting(ProtectedGroup::channels).asList().hasSize(1);
      members.find(GROUP, user);
      members.recordActivity(GROUP, user, at(i));
      assertThat(groups.find(GroupId.of(-1009))).isEmpty(); // a group the guard ignores
    }

    assertThat(db.statements() - before).isZero();
    assertThat(members.flush()).isEqualTo(1);
    assertThat(db.statements() - before).as("one statement per flush").isEqualTo(1);
    assertThat(db.members().find(GROUP, user))
        .contains(new GroupMember(GROUP, user, at(999), RestrictionState.FREE, at(0)));
  }

  @Test
  void insideANonBlockingAttemptCachedReadsAnswerAndEveryStatementIsRefusedUnstarted() {
    CachingGroupRepository groups = db.cachedGroups(ChangeNotices.NONE, clock);
    WriteBehindMemberRepository members = members(ChangeNotices.NONE);
    protect(groups);
    UserId known = UserId.of(42);
    groups.find(GROUP);
    members.find(GROUP, known);
    long before = db.statements();

    try (NonBlocking.Attempt attempt = NonBlocking.attempt()) {
      assertThat(groups.find(GROUP)).isPresent();
      assertThat(members.find(GROUP, known)).isEmpty();
      members.recordActivity(GROUP, known, at(1));
      assertThat(attempt.tripped()).as("all from memory").isFalse();

      assertThatThrownBy(() -> members.find(GROUP, UserId.of(43)))
          .isInstanceOf(WouldBlockException.class);
      assertThatThrownBy(
              () -> members.setRestriction(GROUP, known, RestrictionState.RESTRICTED, at(2)))
          .isInstanceOf(WouldBlockException.class);
      assertThatThrownBy(() -> db.owners().find(UserId.of(7)))
          .isInstanceOf(WouldBlockException.class);
      assertThat(attempt.tripped()).isTrue();
    }

    assertThat(db.statements() - before).isZero();
    assertThat(members.find(GROUP, known))
        .map(GroupMember::restriction)
        .contains(RestrictionState.FREE);
  }

  @Test
  void aFlushIsOneStatementPerThousandMembers() {
    WriteBehindMemberRepository members = members(ChangeNotices.NONE);
    for (int u = 1; u <= 2_500; u++) {
      members.recordActivity(GROUP, UserId.of(u), at(1));
    }
    long before = db.statements();

    assertThat(members.flush()).isEqualTo(2_500);

    assertThat(db.statements() - before).isEqualTo(3);
    assertThat(members.pending()).isZero();
    assertThat(db.members().counts(GROUP).free()).isEqualTo(2_500);
  }

  @Test
  void closingFlushesWhatIsPending() {
    WriteBehindMemberRepository members = db.writeBehindMembers(ChangeNotices.NONE, clock, NEVER);
    members.recordActivity(GROUP, UserId.of(5), at(3));
    assertThat(db.members().find(GROUP, UserId.of(5))).isEmpty();

    members.close();

    assertThat(db.members().find(GROUP, UserId.of(5))).map(GroupMember::lastSeen).contains(at(3));
  }

  @Test
  void theFlushRunsByItselfEveryInterval() throws InterruptedException {
    WriteBehindMemberRepository members =
        db.writeBehindMembers(ChangeNotices.NONE, clock, Duration.ofMillis(50));
    opened.add(members);
    members.recordActivity(GROUP, UserId.of(6), at(1));

    for (int i = 0; i < 200 && members.pending() > 0; i++) {
      Thread.sleep(25);
    }

    assertThat(members.pending()).isZero();
    assertThat(db.members().find(GROUP, UserId.of(6))).isPresent();
  }

  @Test
  void activityOfAFailingDatabaseStaysPendingUntilItIsBack() throws SQLException {
    WriteBehindMemberRepository members = members(ChangeNotices.NONE);
    assertThat(members.find(GROUP, UserId.of(7))).isEmpty();
    members.recordActivity(GROUP, UserId.of(7), at(2));
    execute("ALTER TABLE group_members RENAME TO group_members_away");

    assertThatThrownBy(members::flush).isInstanceOf(StorageUnavailableException.class);
    assertThat(members.pending()).isEqualTo(1);
    assertThat(members.find(GROUP, UserId.of(7))).map(GroupMember::lastSeen).contains(at(2));

    execute("ALTER TABLE group_members_away RENAME TO group_members");
    assertThat(members.flush()).isEqualTo(1);
    assertThat(db.members().find(GROUP, UserId.of(7))).isPresent();
  }

  @Test
  void theHotPathRepositoriesAreTheDecoratorsAndClosingFlushes() {
    HotPathRepositories hot = db.hotPath(ChangeNotices.NONE, clock, NEVER);
    assertThat(hot.groups()).isInstanceOf(CachingGroupRepository.class);
    assertThat(hot.members()).isSameAs(hot.writeBehindMembers());
    assertThat(hot.owners()).isSameAs(db.owners());
    hot.members().recordActivity(GROUP, UserId.of(10), at(4));
    protect((CachingGroupRepository) hot.groups());
    hot.members().find(GROUP, UserId.of(11));
    long cached = db.statements();
    hot.members().find(GROUP, UserId.of(11));
    assertThat(db.statements()).isEqualTo(cached);

    hot.groups().updateSettings(GROUP, KEEP_MESSAGES, at(5));
    long changed = db.statements();
    hot.members().find(GROUP, UserId.of(11));
    assertThat(db.statements())
        .as("the group's change reached this instance's member cache too")
        .isEqualTo(changed + 1);

    hot.close();

    assertThat(db.members().find(GROUP, UserId.of(10))).map(GroupMember::lastSeen).contains(at(4));
  }

  @Test
  void pastItsBoundActivityIsWrittenAtOnce() throws SQLException {
    WriteBehindMemberRepository members =
        db.writeBehindMembers(ChangeNotices.NONE, clock, NEVER, 2);
    opened.add(members);
    members.recordActivity(GROUP, UserId.of(1), at(1));
    members.recordActivity(GROUP, UserId.of(2), at(1));

    members.recordActivity(GROUP, UserId.of(3), at(1));

    assertThat(members.pending()).isEqualTo(2);
    assertThat(db.members().find(GROUP, UserId.of(3))).isPresent();
    execute("ALTER TABLE group_members RENAME TO group_members_away");
    assertThatThrownBy(() -> members.recordActivity(GROUP, UserId.of(4), at(1)))
        .as("a failing database is reported again once the buffer is full")
        .isInstanceOf(StorageUnavailableException.class);
    execute("ALTER TABLE group_members_away RENAME TO group_members");
  }

  @Test
  void aRemovedMemberIsNotBroughtBackByTheFlush() {
    WriteBehindMemberRepository members = members(ChangeNotices.NONE);
    members.recordActivity(GROUP, UserId.of(8), at(1));

    members.remove(GROUP, UserId.of(8));
    members.flush();

    assertThat(members.find(GROUP, UserId.of(8))).isEmpty();
    assertThat(db.members().find(GROUP, UserId.of(8))).isEmpty();
  }

  @Test
  void aSettingsChangeOnOneInstanceIsInForceOnTheOther() {
    NoticeBus bus = new NoticeBus();
    CachingGroupRepository a = db.cachedGroups(bus.instance(), clock);
    CachingGroupRepository b = db.cachedGroups(bus.instance(), clock);
    protect(a);
    assertThat(b.find(GROUP).orElseThrow().settings().deleteMessages()).isTrue();

    a.updateSettings(GROUP, KEEP_MESSAGES, at(1));
    a.pause(
        GROUP,
        new PauseReason(PauseReason.Kind.CANNOT_CHECK_CHANNEL, Optional.of(CHANNEL.id()), "test"),
        at(2));

    ProtectedGroup seen = b.find(GROUP).orElseThrow();
    assertThat(seen.settings().deleteMessages()).isFalse();
    assertThat(seen.isPaused()).isTrue();
    assertThat(b.linkedTo(CHANNEL.id())).containsExactly(GROUP);
    a.disable(GROUP, at(3));
    assertThat(b.linkedTo(CHANNEL.id())).isEmpty();
  }

  @Test
  void aRestrictionOnOneInstanceIsSeenByTheOther() {
    NoticeBus bus = new NoticeBus();
    WriteBehindMemberRepository a = members(bus.instance());
    WriteBehindMemberRepository b = members(bus.instance());
    UserId user = UserId.of(9);
    a.recordActivity(GROUP, user, at(1));
    a.flush();
    assertThat(b.find(GROUP, user)).map(GroupMember::isRestricted).contains(false);

    a.setRestriction(GROUP, user, RestrictionState.RESTRICTED, at(2));

    assertThat(b.find(GROUP, user)).map(GroupMember::isRestricted).contains(true);
    a.remove(GROUP, user);
    assertThat(b.find(GROUP, user)).isEmpty();
  }

  @Test
  void whileNoticesAreInterruptedEveryReadGoesToTheDatabase() {
    NoticeBus bus = new NoticeBus();
    CachingGroupRepository groups = db.cachedGroups(bus.instance(), clock);
    protect(groups);
    groups.find(GROUP);
    long before = db.statements();

    bus.interruptAll();
    groups.find(GROUP);
    groups.find(GROUP);
    long interrupted = db.statements() - before;
    bus.resumeAll();
    groups.find(GROUP);
    long afterResume = db.statements() - before;
    groups.find(GROUP);

    assertThat(interrupted).as("two loads, two statements each").isEqualTo(4);
    assertThat(afterResume).as("one load after the resume").isEqualTo(6);
    assertThat(db.statements() - before).as("then cached again").isEqualTo(6);
  }

  @Test
  void entriesExpireAfterTheTtlEvenWithoutNotices() {
    CachingGroupRepository groups = db.cachedGroups(ChangeNotices.NONE, clock);
    protect(groups);
    groups.find(GROUP);
    // Written behind this instance's back (another tool, or a lost notice):
    db.groups().updateSettings(GROUP, KEEP_MESSAGES, at(1));
    assertThat(groups.find(GROUP).orElseThrow().settings().deleteMessages()).isTrue();

    clock.advance(CachingGroupRepository.DEFAULT_TTL);

    assertThat(groups.find(GROUP).orElseThrow().settings().deleteMessages()).isFalse();
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** The store the contracts see: the hot-path repositories over this database. */
  private RepositoryStore cachedStore() {
    TestDatabases.clear(db);
    RepositoryStore plain = TestDatabases.store(db);
    return new RepositoryStore(
        db.cachedGroups(ChangeNotices.NONE, clock),
        plain.channels(),
        plain.owners(),
        members(ChangeNotices.NONE),
        plain.prompts(),
        plain.audit());
  }

  @Nested
  class GroupContract extends GroupRepositoryContract {
    @Override
    protected RepositoryStore newStore() {
      return cachedStore();
    }

    @Override
    protected RepositoryStore newUnavailableStore() {
      RepositoryStore closed = TestDatabases.closedStore(db);
      return new RepositoryStore(
          new CachingGroupRepository(closed.groups(), ChangeNotices.NONE, clock),
          closed.channels(),
          closed.owners(),
          closed.members(),
          closed.prompts(),
          closed.audit());
    }
  }

  /**
   * The member contract. Its "store that is down" case is the plain repository's: written behind,
   * activity on a failing database stays pending instead of failing the caller (tested above).
   */
  @Nested
  class MemberContract extends MemberRepositoryContract {
    @Override
    protected RepositoryStore newStore() {
      return cachedStore();
    }

    @Override
    protected RepositoryStore newUnavailableStore() {
      return TestDatabases.closedStore(db);
    }
  }
}
