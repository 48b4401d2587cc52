package dev.gmbot.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.EnforcementRules;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.GroupSettings;
import dev.gmbot.port.model.MemberDeadline;
import dev.gmbot.port.model.Owner;
import dev.gmbot.port.model.TrustedMember;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.ChangeNotices;
import dev.gmbot.port.out.MemberDeadlines;
import dev.gmbot.port.out.TrustList;
import dev.gmbot.testkit.fake.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 on a real database: the trust list (per group, cached on the hot path and dropped on the
 * other instances' notices), the member deadlines (claims and leases shared by instances, moved by
 * a group's migration) and the enforcement rules in the stored settings.
 */
abstract class EnforcementRepositoriesBehaviour {
  private static final GroupId GROUP = GroupId.of(-1001000000888L);
  private static final GroupId OTHER = GroupId.of(-1001000000889L);
  private static final UserId ALICE = UserId.of(101);
  private static final UserId BOB = UserId.of(102);
  private static final UserId ADMIN = UserId.of(11);

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

  private HotPathRepositories hotPath(ChangeNotices notices) {
    HotPathRepositories repos = db.hotPath(notices, clock, Duration.ofHours(1));
    opened.add(repos);
    return repos;
  }

  private TrustedMember trusted(GroupId group, UserId user, String label) {
    return new TrustedMember(group, user, label, ADMIN, clock.instant());
  }

  @Test
  void theTrustListIsKeptPerGroup() {
    TrustList trust = db.trustList();
    trust.trust(trusted(GROUP, ALICE, "@alice"));
    clock.advance(Duration.ofSeconds(1));
    trust.trust(trusted(GROUP, BOB, "Bob"));

    assertThat(trust.isTrusted(GROUP, ALICE)).isTrue();
    assertThat(trust.isTrusted(OTHER, ALICE)).isFalse();
    assertThat(trust.list(GROUP, 10))
        .extracting(TrustedMember::label)
        .containsExactly("@alice", "Bob");
    assertThat(trust.count(GROUP)).isEqualTo(2);
    assertThat(trust.list(OTHER, 10)).isEmpty();

    trust.trust(trusted(GROUP, ALICE, "Alice A.")); // again: replaces the entry
    assertThat(trust.count(GROUP)).isEqualTo(2);
    assertThat(trust.untrust(GROUP, ALICE)).isTrue();
    assertThat(trust.untrust(GROUP, ALICE)).isFalse();
    assertThat(trust.isTrusted(GROUP, ALICE)).isFalse();
  }

  @Test
  void aTrustChangeOnOneInstanceIsInForceOnTheOtherAtOnceAndCostsNoStatementWhenCached() {
    NoticeBus bus = new NoticeBus();
    TrustList east = hotPath(bus.instance()).trustList();
    TrustList west = hotPath(bus.instance()).trustList();
    assertThat(west.isTrusted(GROUP, ALICE)).isFalse();
    long before = db.statements();
    for (int i = 0; i < 100; i++) {
      assertThat(west.isTrusted(GROUP, ALICE)).isFalse();
    }
    assertThat(db.statements() - before).as("answered from memory").isZero();

    east.trust(trusted(GROUP, ALICE, "@alice"));
    assertThat(west.isTrusted(GROUP, ALICE)).isTrue();

    east.untrust(GROUP, ALICE);
    assertThat(west.isTrusted(GROUP, ALICE)).isFalse();
  }

  @Test
  void whileNoticesAreInterruptedTrustIsReadFromTheDatabase() {
    NoticeBus bus = new NoticeBus();
    TrustList west = hotPath(bus.instance()).trustList();
    assertThat(west.isTrusted(GROUP, ALICE)).isFalse();
    bus.interruptAll();

    db.trustList().trust(trusted(GROUP, ALICE, "@alice")); // a write no notice announces

    assertThat(west.isTrusted(GROUP, ALICE)).isTrue();
  }

  @Test
  void aDeadlineIsClaimedByOneClaimantUntilItsLeaseRunsOut() {
    MemberDeadlines deadlines = db.deadlines();
    Instant due = clock.instant().plus(Duration.ofHours(24));
    deadlines.setIfAbsent(new MemberDeadline(GROUP, ALICE, MemberDeadline.Kind.REMOVE, due));
    deadlines.setIfAbsent(
        new MemberDeadline(GROUP, ALICE, MemberDeadline.Kind.REMOVE, due.plusSeconds(60)));
    assertThat(deadlines.find(GROUP, ALICE, MemberDeadline.Kind.REMOVE))
        .get()
        .extracting(MemberDeadline::due)
        .as("an earlier deadline is kept")
        .isEqualTo(due);

    Instant now = clock.instant();
    assertThat(deadlines.claim(MemberDeadline.Kind.REMOVE, now, now, Duration.ofMinutes(2), 10))
        .as("not due yet")
        .isEmpty();

    Instant later = due.plusSeconds(1);
    Duration lease = Duration.ofMinutes(2);
    assertThat(deadlines.claim(MemberDeadline.Kind.REMOVE, later, later, lease, 10)).hasSize(1);
    assertThat(deadlines.claim(MemberDeadline.Kind.REMOVE, later, later, lease, 10))
        .as("leased to the first claimant")
        .isEmpty();
    Instant afterLease = later.plus(lease);
    assertThat(deadlines.claim(MemberDeadline.Kind.REMOVE, afterLease, afterLease, lease, 10))
        .as("the lease ran out: another claimant takes it over")
        .hasSize(1);

    deadlines.clear(GROUP, ALICE, MemberDeadline.Kind.REMOVE);
    assertThat(deadlines.count(GROUP, MemberDeadline.Kind.REMOVE)).isZero();
  }

  @Test
  void twoDatabasesClaimingTogetherNeverBothGetTheSameDeadline() throws Exception {
    Instant now = clock.instant();
    for (int u = 1; u <= 40; u++) {
      db.deadlines()
          .setIfAbsent(new MemberDeadline(GROUP, UserId.of(u), MemberDeadline.Kind.HOLD, now));
    }
    try (Database other = Database.connect(db.config())) {
      List<MemberDeadline> a = new ArrayList<>();
      List<MemberDeadline> b = new ArrayList<>();
      Thread east =
          Thread.ofPlatform()
              .start(
                  () ->
                      a.addAll(
                          db.deadlines()
                              .claim(
                                  MemberDeadline.Kind.HOLD, now, now, Duration.ofMinutes(1), 40)));
      Thread west =
          Thread.ofPlatform()
              .start(
                  () ->
                      b.addAll(
                          other
                              .deadlines()
                              .claim(
                                  MemberDeadline.Kind.HOLD, now, now, Duration.ofMinutes(1), 40)));
      east.join();
      west.join();
      System.out.println("deadline claims: east " + a.size() + ", west " + b.size() + " of 40");
      // One side may legitimately win every row; what must never happen is a row claimed twice.
      List<MemberDeadline> both = new ArrayList<>(a);
      both.retainAll(b);
      assertThat(both).isEmpty();
      assertThat(a.size() + b.size()).isEqualTo(40);
    }
  }

  @Test
  void aMigrationMovesTheTrustListAndTheDeadlines() {
    EnforcedChannel channel =
        new EnforcedChannel(
            ChannelId.of(-1002000000888L), "News", Optional.of("news"), Optional.empty());
    db.groups()
        .protect(
            GROUP,
            "G",
            new Owner(ADMIN, Optional.empty(), true),
            List.of(channel),
            clock.instant());
    db.trustList().trust(trusted(GROUP, ALICE, "@alice"));
    db.deadlines()
        .setIfAbsent(new MemberDeadline(GROUP, BOB, MemberDeadline.Kind.REMOVE, clock.instant()));
    GroupId moved = GroupId.of(-1001000000890L);

    db.groups().migrate(GROUP, moved, clock.instant());

    assertThat(db.trustList().isTrusted(moved, ALICE)).isTrue();
    assertThat(db.trustList().isTrusted(GROUP, ALICE)).isFalse();
    assertThat(db.deadlines().find(moved, BOB, MemberDeadline.Kind.REMOVE)).isPresent();
    assertThat(db.deadlines().count(GROUP, MemberDeadline.Kind.REMOVE)).isZero();
  }

  @Test
  void theEnforcementRulesAreStoredWithTheSettings() {
    EnforcedChannel channel =
        new EnforcedChannel(
            ChannelId.of(-1002000000888L), "News", Optional.of("news"), Optional.empty());
    db.groups()
        .protect(
            GROUP,
            "G",
            new Owner(ADMIN, Optional.empty(), true),
            List.of(channel),
            clock.instant());
    EnforcementRules rules =
        new EnforcementRules(
            EnforcementRules.Action.MUTE_THEN_REMOVE,
            Duration.ofDays(2),
            EnforcementRules.CheckFailure.HOLD,
            Duration.ofMinutes(3));
    GroupSettings settings = GroupSettings.DEFAULTS.withEnforcement(rules);

    db.groups().updateSettings(GROUP, settings, clock.instant());

    assertThat(db.groups().find(GROUP).orElseThrow().settings().enforcement()).isEqualTo(rules);
  }
}
