package dev.gmbot.domain.commands;

import static dev.gmbot.domain.GuardFixture.ALICE;
import static dev.gmbot.domain.GuardFixture.BOB;
import static dev.gmbot.domain.GuardFixture.GROUP;
import static dev.gmbot.domain.GuardFixture.OTHER_GROUP;
import static dev.gmbot.domain.GuardFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.port.model.AuditEntry;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** /stats: recent actions. */
class StatsCommandTest extends CommandTestBase {
  @Test
  void statsCountsRecentActions() {
    world.protectedGroup();
    world.handle(world.joins(GROUP, ALICE));

    assertThat(run(world.command(GROUP, OWNER, "stats")))
        .contains("restricted: 1")
        .contains("prompts: 1");
  }

  @Test
  void statsCountEachKindOfActionSinceTheOldestShown() {
    world.protectedGroup();
    Instant monday = Instant.parse("2026-03-02T08:00:00Z");
    world
        .repos
        .audit()
        .record(
            new AuditEntry(
                monday,
                GROUP.groupId(),
                Optional.of(ALICE.id()),
                AuditEntry.Action.RESTRICTED,
                ""));
    world
        .repos
        .audit()
        .record(
            new AuditEntry(
                monday.plusSeconds(60),
                GROUP.groupId(),
                Optional.of(ALICE.id()),
                AuditEntry.Action.RELEASED,
                ""));
    world
        .repos
        .audit()
        .record(
            new AuditEntry(
                monday.plusSeconds(120),
                GROUP.groupId(),
                Optional.of(BOB.id()),
                AuditEntry.Action.MESSAGE_DELETED,
                ""));
    world
        .repos
        .audit()
        .record(
            new AuditEntry(
                monday.plusSeconds(180),
                GROUP.groupId(),
                Optional.of(BOB.id()),
                AuditEntry.Action.JOIN_APPROVED,
                ""));
    world
        .repos
        .audit()
        .record(
            new AuditEntry(
                monday.plusSeconds(240),
                OTHER_GROUP.groupId(),
                Optional.of(BOB.id()),
                AuditEntry.Action.RESTRICTED,
                ""));

    assertThat(run(world.command(GROUP, OWNER, "stats")))
        .isEqualTo(
            "📊 Last 4 actions (since 2026-03-02):\n• restricted: 1\n• released: 1\n• messages"
                + " deleted: 1\n• prompts: 0\n• join requests approved: 1\nMembers now: 0"
                + " verified, 0 restricted");
  }

  @Test
  void statsOfAQuietGroupCountNothing() {
    world.protectedGroup();

    assertThat(run(world.command(GROUP, OWNER, "stats")))
        .startsWith("📊 Last 0 actions:\n• restricted: 0");
  }
}
