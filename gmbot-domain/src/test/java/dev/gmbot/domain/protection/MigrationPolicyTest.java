package dev.gmbot.domain.protection;

import static dev.gmbot.domain.GuardFixture.BASIC_GROUP;
import static dev.gmbot.domain.GuardFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.domain.GuardFixture;
import dev.gmbot.domain.protection.Decision.MigrateGroup;
import dev.gmbot.domain.protection.Decision.Note;
import dev.gmbot.domain.scheduling.DirectScheduler;
import dev.gmbot.domain.scheduling.GroupMigration;
import dev.gmbot.domain.verification.AdministratorDirectory;
import dev.gmbot.domain.verification.VerificationSettings;
import dev.gmbot.port.in.GroupMigrated;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.Owner;
import dev.gmbot.port.model.UserId;
import dev.gmbot.testkit.fake.FakeTelegram;
import dev.gmbot.testkit.fake.InMemoryAdministratorCache;
import dev.gmbot.testkit.fake.InMemoryRepositories;
import dev.gmbot.testkit.fake.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The policy alone: both ways of learning of a migration end in the same decision. */
class MigrationPolicyTest {
  private static final GroupId SUPERGROUP = GroupId.of(-1003000000001L);

  private final MutableClock clock = MutableClock.atEpochOfTests();
  private final InMemoryRepositories repos = new InMemoryRepositories();
  private final InMemoryAdministratorCache adminCache = new InMemoryAdministratorCache(clock);
  private final MigrationPolicy policy =
      new MigrationPolicy(
          repos.groups(),
          new AdministratorDirectory(
              FakeTelegram.withDefaultBot(),
              adminCache,
              new DirectScheduler(),
              VerificationSettings.DEFAULTS));

  private void protectBasicGroup() {
    repos
        .groups()
        .protect(
            BASIC_GROUP.groupId(),
            BASIC_GROUP.title(),
            new Owner(OWNER.id(), OWNER.username(), true),
            List.of(GuardFixture.news()),
            clock.instant());
  }

  @Test
  void theServiceMessageOfAKnownGroupMovesItToItsNewId() {
    protectBasicGroup();

    List<Decision> decisions =
        policy.onGroupMigrated(
            new GroupMigrated(7, clock.instant(), BASIC_GROUP.groupId(), SUPERGROUP));

    assertThat(decisions).containsExactly(new MigrateGroup(BASIC_GROUP.groupId(), SUPERGROUP));
    assertThat(repos.groups().find(BASIC_GROUP.groupId()))
        .as("deciding changes nothing")
        .isPresent();
  }

  @Test
  void aMigrationFoundByACallIsDecidedTheSameWay() {
    protectBasicGroup();

    List<Decision> decisions =
        policy.onMigrationFound(new GroupMigration(BASIC_GROUP.groupId(), SUPERGROUP));

    assertThat(decisions).containsExactly(new MigrateGroup(BASIC_GROUP.groupId(), SUPERGROUP));
  }

  @Test
  void theOldGroupsAdministratorListIsForgotten() {
    protectBasicGroup();
    adminCache.put(BASIC_GROUP.groupId(), Set.of(UserId.of(10)), Duration.ofMinutes(10));

    policy.onMigrationFound(new GroupMigration(BASIC_GROUP.groupId(), SUPERGROUP));

    assertThat(adminCache.get(BASIC_GROUP.groupId())).isEmpty();
  }

  @Test
  void aGroupGmbotKeepsNothingAboutHasNothingToMove() {
    List<Decision> decisions =
        policy.onMigrationFound(new GroupMigration(BASIC_GROUP.groupId(), SUPERGROUP));

    assertThat(decisions).singleElement().isInstanceOf(Note.class);
  }
}
