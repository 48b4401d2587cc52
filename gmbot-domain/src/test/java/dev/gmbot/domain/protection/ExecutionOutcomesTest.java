package dev.gmbot.domain.protection;

import static dev.gmbot.domain.GuardFixture.ALICE;
import static dev.gmbot.domain.GuardFixture.BASIC_GROUP;
import static dev.gmbot.domain.GuardFixture.BOB;
import static dev.gmbot.domain.GuardFixture.GROUP;
import static dev.gmbot.domain.GuardFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.domain.Guard;
import dev.gmbot.domain.GuardFixture;
import dev.gmbot.domain.scheduling.LocalRateLimitStore;
import dev.gmbot.domain.scheduling.PriorityBotCallScheduler;
import dev.gmbot.domain.scheduling.SchedulerConfig;
import dev.gmbot.port.in.HandlingResult;
import dev.gmbot.port.model.AuditEntry;
import dev.gmbot.port.model.AuditEntry.Action;
import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.PauseReason;
import dev.gmbot.port.out.ChatAccessException;
import dev.gmbot.port.out.ChatMigratedException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the executor learns while it carries decisions out (a group that migrated, a group where the
 * bot cannot enforce) is decided by a policy and carried out like any other decision: with its
 * repository change and its audit entry.
 */
class ExecutionOutcomesTest {
  private static final GroupId SUPERGROUP = GroupId.of(-1003000000001L);

  private final GuardFixture world = new GuardFixture().protect(BASIC_GROUP, GuardFixture.news());

  /** Telegram answers every call of {@code method} to the basic group with its new id. */
  private void migratedOnTelegram(String... methods) {
    for (String method : methods) {
      world.telegram.failAlways(
          method,
          BASIC_GROUP.id(),
          new ChatMigratedException(method, BASIC_GROUP.id(), SUPERGROUP.chat()));
    }
  }

  private List<Action> auditOf(GroupId group) {
    return world.repos.audit().recent(group, 20).stream().map(AuditEntry::action).toList();
  }

  @Test
  void aRestrictionThatFindsTheGroupMigratedMovesTheGroupAndAuditsTheMigration() {
    migratedOnTelegram("restrictChatMember", "sendMessage");

    HandlingResult result = world.handle(world.joins(BASIC_GROUP, ALICE));

    assertThat(world.repos.groups().find(BASIC_GROUP.groupId())).isEmpty();
    assertThat(world.repos.groups().find(SUPERGROUP)).isPresent();
    assertThat(world.repos.audit().recent(SUPERGROUP, 20))
        .filteredOn(e -> e.action() == Action.MIGRATED)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.detail()).isEqualTo("from " + BASIC_GROUP.groupId());
              assertThat(e.at()).isEqualTo(world.clock.instant());
              assertThat(e.user()).isEmpty();
            });
    assertThat(result.effects())
        .contains("group " + BASIC_GROUP.groupId() + " migrated to " + SUPERGROUP);
  }

  @Test
  void whatFollowsTheMigrationIsRecordedAndSentAtTheNewId() {
    migratedOnTelegram("restrictChatMember", "sendMessage");

    world.handle(world.joins(BASIC_GROUP, ALICE));

    assertThat(world.repos.members().find(SUPERGROUP, ALICE.id()).orElseThrow().isRestricted())
        .isTrue();
    assertThat(world.repos.members().find(BASIC_GROUP.groupId(), ALICE.id())).isEmpty();
    assertThat(auditOf(SUPERGROUP))
        .containsExactlyInAnyOrder(Action.MIGRATED, Action.RESTRICTED, Action.PROMPTED);
    assertThat(auditOf(BASIC_GROUP.groupId())).isEmpty();
    assertThat(world.repos.prompts().naming(SUPERGROUP, ALICE.id())).hasSize(1);
    assertThat(world.sentTo(BASIC_GROUP.id()))
        .as("the prompt goes to the new chat at once")
        .isZero();
    assertThat(world.telegram.messagesIn(SUPERGROUP.chat())).hasSize(1);
  }

  @Test
  void aMigrationIsCarriedOutOncePerBatch() {
    migratedOnTelegram("restrictChatMember");

    world.guard.execute(
        List.of(
            new Decision.Restrict(BASIC_GROUP.groupId(), ALICE, "test"),
            new Decision.Restrict(BASIC_GROUP.groupId(), BOB, "test")));

    assertThat(auditOf(SUPERGROUP)).filteredOn(a -> a == Action.MIGRATED).hasSize(1);
    assertThat(
            world.telegram.count(
                "restrictChatMember", c -> c.chat().equals(Optional.of(BASIC_GROUP.id()))))
        .as("the second restriction addresses the new chat directly")
        .isEqualTo(1);
    assertThat(world.repos.members().find(SUPERGROUP, BOB.id()).orElseThrow().isRestricted())
        .isTrue();
  }

  @Test
  void theRealSchedulerReportsTheMigrationAndTheExecutorCarriesItOut() {
    migratedOnTelegram("restrictChatMember", "sendMessage");
    try (PriorityBotCallScheduler scheduler =
        new PriorityBotCallScheduler(
            SchedulerConfig.defaults(), new LocalRateLimitStore(), world.metrics, world.clock)) {
      Guard guard =
          Guard.builder()
              .telegram(world.telegram)
              .repositories(
                  world.repos.groups(),
                  world.repos.owners(),
                  world.repos.members(),
                  world.repos.prompts(),
                  world.repos.audit())
              .conversations(world.repos.conversations())
              .cache(world.membershipCache, world.adminCache)
              .updateLog(world.updateLog)
              .clock(world.clock)
              .scheduler(scheduler)
              .build();

      guard.handle(world.joins(BASIC_GROUP, ALICE));
    }

    assertThat(world.repos.groups().find(SUPERGROUP)).isPresent();
    assertThat(auditOf(SUPERGROUP)).contains(Action.MIGRATED, Action.RESTRICTED);
  }

  @Test
  void aRefusedRestrictionIsAnsweredByTheBrokenGroupPolicy() {
    world.protectedGroup();
    world.telegram.failNext(
        "restrictChatMember",
        new ChatAccessException(
            "restrictChatMember",
            GROUP.id(),
            ChatAccessException.Problem.NOT_A_SUPERGROUP,
            "Bad Request: method is available only for supergroups"));

    HandlingResult result = world.handle(world.joins(GROUP, ALICE));

    PauseReason reason = world.group(GROUP).pause().orElseThrow();
    assertThat(reason.kind()).isEqualTo(PauseReason.Kind.BOT_LACKS_GROUP_RIGHTS);
    assertThat(reason.detail()).isEqualTo("the group is not a supergroup");
    assertThat(auditOf(GROUP.groupId())).containsExactly(Action.PAUSED);
    assertThat(world.telegram.messagesIn(OWNER.id().privateChat()))
        .singleElement()
        .satisfies(
            m ->
                assertThat(m.message().text())
                    .isEqualTo(
                        "⚠️ “Fans” is a basic group: I can only mute members in supergroups. Protection is paused;"
                            + " upgrade the group to a supergroup, then run /reactivate."));
    assertThat(world.repos.prompts().naming(GROUP.groupId(), ALICE.id())).isEmpty();
    assertThat(result.effects()).anyMatch(line -> line.startsWith("paused protection of "));
  }

  @Test
  void aRefusalInAnAlreadyPausedGroupIsOnlyANote() {
    world.protectedGroup();
    world.telegram.failAlways(
        "restrictChatMember",
        GROUP.id(),
        new ChatAccessException(
            "restrictChatMember",
            GROUP.id(),
            ChatAccessException.Problem.BOT_KICKED,
            "Forbidden: bot was kicked from the supergroup chat"));

    world.guard.execute(List.of(new Decision.Restrict(GROUP.groupId(), ALICE, "test")));
    List<String> second =
        world.guard.execute(List.of(new Decision.Restrict(GROUP.groupId(), BOB, "test")));

    assertThat(world.group(GROUP).pause().orElseThrow().kind())
        .isEqualTo(PauseReason.Kind.BOT_REMOVED_FROM_GROUP);
    assertThat(auditOf(GROUP.groupId())).containsExactly(Action.PAUSED);
    assertThat(world.sentTo(OWNER.id().privateChat())).isEqualTo(1);
    assertThat(second).containsExactly("cannot enforce in " + GROUP.groupId() + ": BOT_KICKED");
  }

  @Test
  void theExecutorSkipsTheRestOfTheListForABrokenGroupButNotForOthers() {
    world.protectedGroup();
    world.telegram.failAlways(
        "restrictChatMember",
        GROUP.id(),
        new ChatAccessException(
            "restrictChatMember",
            GROUP.id(),
            ChatAccessException.Problem.NOT_ENOUGH_RIGHTS,
            "Bad Request: not enough rights"));
    ChatId basic = BASIC_GROUP.id();

    List<String> effects =
        world.guard.execute(
            List.of(
                new Decision.Restrict(GROUP.groupId(), ALICE, "test"),
                new Decision.Restrict(GROUP.groupId(), BOB, "test"),
                new Decision.Restrict(BASIC_GROUP.groupId(), BOB, "test")));

    assertThat(
            world.telegram.count(
                "restrictChatMember", c -> c.chat().equals(Optional.of(GROUP.id()))))
        .isEqualTo(1);
    assertThat(world.telegram.count("restrictChatMember", c -> c.chat().equals(Optional.of(basic))))
        .isEqualTo(1);
    assertThat(effects).filteredOn(line -> line.startsWith("paused")).hasSize(1);
  }
}
