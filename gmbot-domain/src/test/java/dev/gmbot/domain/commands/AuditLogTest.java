package dev.gmbot.domain.commands;

import static dev.gmbot.domain.GuardFixture.ALICE;
import static dev.gmbot.domain.GuardFixture.GROUP;
import static dev.gmbot.domain.GuardFixture.OTHER_GROUP;
import static dev.gmbot.domain.GuardFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.domain.GuardFixture;
import dev.gmbot.port.model.AuditEntry;
import dev.gmbot.port.model.Button;
import dev.gmbot.port.model.UserId;
import dev.gmbot.testkit.fake.FakeTelegram.SentMessage;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** /audit: the group's last actions, who, what, why and when, page by page in private. */
class AuditLogTest {
  private final GuardFixture world = new GuardFixture().protectedGroup();
  private final MenuDriver owner = new MenuDriver(world, OWNER);

  private void record(int entries) {
    for (int i = 1; i <= entries; i++) {
      world.clock.advance(Duration.ofMinutes(1));
      world
          .repos
          .audit()
          .record(
              new AuditEntry(
                  world.clock.instant(),
                  GROUP.groupId(),
                  Optional.of(UserId.of(1000 + i)),
                  AuditEntry.Action.RESTRICTED,
                  "not subscribed #" + i));
    }
  }

  @Test
  void auditInPrivateShowsTheNewestEntriesAndPagesWithButtons() {
    record(20);

    owner.sends("audit");

    assertThat(owner.lastText())
        .startsWith("📜 Audit log of Fans — page 1 of 3, newest first (times in UTC)")
        .contains("🔇 muted · user 1020\n   not subscribed #20")
        .doesNotContain("user 1012");
    assertThat(MenuDriver.labels(owner.last())).containsExactly("Older ▶️", "⬅️ Back");

    owner.presses(owner.last(), "Older ▶️");
    assertThat(owner.lastText())
        .startsWith("📜 Audit log of Fans — page 2 of 3")
        .contains("user 1012");
    owner.presses(owner.last(), "Older ▶️");
    assertThat(owner.lastText()).contains("page 3 of 3").contains("user 1001");
    assertThat(MenuDriver.labels(owner.last())).containsExactly("◀️ Newer", "⬅️ Back");
    owner.presses(owner.last(), "◀️ Newer");
    assertThat(owner.lastText()).contains("page 2 of 3");
    assertThat(owner.messages()).hasSize(1);
  }

  @Test
  void eachEntrySaysWhenWhatWhoAndWhy() {
    world
        .repos
        .audit()
        .record(
            new AuditEntry(
                world.clock.instant(),
                GROUP.groupId(),
                Optional.empty(),
                AuditEntry.Action.PAUSED,
                "GROUP_RIGHTS can_restrict_members"));

    owner.sends("audit");

    String when =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC)
            .format(world.clock.instant());
    assertThat(owner.lastText())
        .endsWith(when + " · ⏸ paused\n   GROUP_RIGHTS can_restrict_members");
  }

  @Test
  void theLogIsReachedFromTheGroupsMenuToo() {
    record(3);
    owner.sends("settings");
    owner.presses(owner.last(), "🛡️ Fans");

    owner.presses(owner.last(), "📜 Audit log");

    assertThat(owner.lastText()).startsWith("📜 Audit log of Fans — page 1 of 1");
    owner.presses(owner.last(), "⬅️ Back");
    assertThat(owner.lastText()).startsWith("⚙️ Fans");
  }

  @Test
  void withSeveralGroupsAuditAsksWhichOne() {
    world.protect(OTHER_GROUP, GuardFixture.news());

    owner.sends("audit");

    assertThat(owner.lastText()).startsWith("📜 Audit log\n\nChoose a group:");
    assertThat(MenuDriver.labels(owner.last())).containsExactly("🛡️ Fans", "🛡️ Other fans");
    owner.presses(owner.last(), "🛡️ Other fans");
    assertThat(owner.lastText()).startsWith("📜 Audit log of Other fans");
  }

  @Test
  void auditInTheGroupLinksToThePrivateChatForAdminsOnly() {
    world.handle(world.command(GROUP, OWNER, "audit"));
    List<SentMessage> inGroup = world.telegram.messagesIn(GROUP.id());
    SentMessage reply = inGroup.get(inGroup.size() - 1);

    assertThat(reply.message().text()).isEqualTo("📜 The audit log opens in our private chat.");
    Button.Url open = (Button.Url) reply.message().keyboard().get(0).get(0);
    String payload = open.url().substring(open.url().indexOf("?start=") + 7);
    owner.sends("start", payload);
    assertThat(owner.lastText()).startsWith("📜 Audit log of Fans");

    world.handle(world.command(GROUP, ALICE, "audit"));
    List<SentMessage> after = world.telegram.messagesIn(GROUP.id());
    assertThat(after.get(after.size() - 1).message().text())
        .isEqualTo("❌ Only admins of this group can use this command.");
  }

  @Test
  void someoneWhoAdministersNoGroupIsToldSo() {
    new MenuDriver(world, ALICE).sends("audit");

    assertThat(world.telegram.messagesIn(ALICE.id().privateChat()).get(0).message().text())
        .startsWith("⚙️ Settings\n\nI know no protected group you administer.");
  }
}
