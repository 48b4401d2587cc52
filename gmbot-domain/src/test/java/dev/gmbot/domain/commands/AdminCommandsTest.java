package dev.gmbot.domain.commands;

import static dev.gmbot.domain.GuardFixture.ADMIN;
import static dev.gmbot.domain.GuardFixture.ALICE;
import static dev.gmbot.domain.GuardFixture.BOB;
import static dev.gmbot.domain.GuardFixture.CHANNEL;
import static dev.gmbot.domain.GuardFixture.GROUP;
import static dev.gmbot.domain.GuardFixture.HELPER_BOT;
import static dev.gmbot.domain.GuardFixture.OTHER_GROUP;
import static dev.gmbot.domain.GuardFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.domain.GuardFixture;
import dev.gmbot.domain.protection.Decision;
import dev.gmbot.port.in.Sender;
import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.CommandMenu;
import dev.gmbot.port.model.ProtectedGroup;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every admin command shares: who may run it, and that it acts on its own group only. */
class AdminCommandsTest extends CommandTestBase {
  /** Every command that acts on a group and is for its admins only. */
  private static final List<String> ADMIN_COMMANDS =
      List.of(
          "status",
          "unprotect",
          "settings",
          "reactivate",
          "stats",
          "protect",
          "trust",
          "untrust",
          "offpeak");

  @Test
  void everyAdminCommandRefusesNonAdmins() {
    world.protectedGroup();
    for (String name : ADMIN_COMMANDS) {
      List<Decision> decisions = world.guard.decide(world.command(GROUP, ALICE, name, "@news"));

      assertThat(decisions)
          .as(name)
          .singleElement()
          .isInstanceOfSatisfying(
              Decision.Reply.class,
              r ->
                  assertThat(r.message().text())
                      .isEqualTo("❌ Only admins of this group can use this command."));
      assertThat(run(world.command(GROUP, ALICE, name, "@news")))
          .as(name)
          .isEqualTo("❌ Only admins of this group can use this command.");
    }
    assertThat(world.group(GROUP).isActive()).isTrue();
  }

  /**
   * Every command of the group administrators' menu (help aside, which is for everyone), each with
   * the arguments that would change the most, run by a member who is no admin: refused with the
   * same line, and nothing changes (the group, its settings and channels, the audit log, the
   * conversations), nor is anything sent but the refusal.
   */
  @Test
  void everyCommandOfTheAdminMenuRefusesANonAdminAndChangesNothing() {
    world.protectedGroup();
    world.handle(world.joins(GROUP, BOB));
    ProtectedGroup before = world.group(GROUP);
    long audited = world.repos.audit().page(GROUP.groupId(), 0, 1).total();
    List<String> commands =
        CommandMenuRegistration.COMMANDS.get(CommandMenu.Scope.GROUP_ADMINISTRATORS).stream()
            .filter(name -> !name.equals("help"))
            .toList();
    assertThat(commands)
        .contains(
            "status",
            "stats",
            "audit",
            "settings",
            "protect",
            "unprotect",
            "trust",
            "untrust",
            "offpeak");
    Map<String, List<String>> arguments =
        Map.of(
            "protect", List.of("@extra"),
            "unprotect", List.of("all"),
            "settings", List.of("prompt_lifetime", "1h"),
            "trust", List.of("102"),
            "untrust", List.of("102"),
            "offpeak", List.of("01-05"));

    for (String name : commands) {
      int sentBefore = world.telegram.messagesIn(GROUP.id()).size();
      List<Decision> decisions =
          world.guard.decide(
              world.command(
                  GROUP,
                  ALICE,
                  name,
                  arguments.getOrDefault(name, List.of()).toArray(String[]::new)));

      assertThat(decisions)
          .as(name)
          .singleElement()
          .isInstanceOfSatisfying(
              Decision.Reply.class,
              r ->
                  assertThat(r.message().text())
                      .isEqualTo("❌ Only admins of this group can use this command."));
      assertThat(
              run(
                  world.command(
                      GROUP,
                      ALICE,
                      name,
                      arguments.getOrDefault(name, List.of()).toArray(String[]::new))))
          .as(name)
          .isEqualTo("❌ Only admins of this group can use this command.");
      assertThat(world.telegram.messagesIn(GROUP.id())).as(name).hasSize(sentBefore + 1);
      assertThat(world.group(GROUP)).as(name).isEqualTo(before);
      assertThat(world.repos.audit().page(GROUP.groupId(), 0, 1).total())
          .as(name)
          .isEqualTo(audited);
      assertThat(world.repos.conversations().find(ALICE.id(), world.clock.instant()))
          .as(name)
          .isEmpty();
    }
  }

  @Test
  void statusAndStatsTellANonAdminNothingAboutTheGroup() {
    world.protectedGroup();
    world.handle(world.joins(GROUP, BOB));

    for (String name : List.of("status", "stats")) {
      assertThat(run(world.command(GROUP, ALICE, name)))
          .as(name)
          .doesNotContain("@news")
          .doesNotContain("restricted")
          .contains("Only admins");
    }
    assertThat(run(world.command(GROUP, ADMIN, "status"))).contains("Channels: @news");
  }

  @Test
  void aNonAdminIsRefusedBeforeHearingThatTheGroupIsUnprotected() {
    for (String name : ADMIN_COMMANDS) {
      if (!name.equals("protect")) {
        assertThat(run(world.command(GROUP, ALICE, name)))
            .as(name)
            .isEqualTo("❌ Only admins of this group can use this command.");
      }
    }
  }

  @Test
  void aCommandInOneGroupNeverTouchesAnother() {
    world.protectedGroup().protect(OTHER_GROUP, GuardFixture.news());
    world.handle(world.joins(OTHER_GROUP, ALICE));
    ProtectedGroup before = world.group(OTHER_GROUP);
    world.telegram.clearCalls();

    world.handle(world.command(GROUP, OWNER, "settings", "delete_messages", "off"));
    world.handle(world.command(GROUP, OWNER, "unprotect", "all"));

    assertThat(world.group(OTHER_GROUP)).isEqualTo(before);
    assertThat(world.repos.members().restricted(OTHER_GROUP.groupId(), 10))
        .containsExactly(ALICE.id());
    assertThat(world.telegram.calls())
        .allSatisfy(c -> assertThat(c.chat()).isNotEqualTo(Optional.of(OTHER_GROUP.id())));
  }

  @Test
  void anAnonymousAdminOfTheGroupMayRunEveryAdminCommand() {
    world.protectedGroup();
    Sender anonymous = new Sender.AnonymousAdmin(GROUP);

    for (String name : List.of("status", "settings", "reactivate", "stats")) {
      assertThat(run(world.command(GROUP, anonymous, name, Optional.empty())))
          .as(name)
          .doesNotContain("Only admins");
    }
  }

  @Test
  void botsChannelsAndAnonymousAdminsOfOtherGroupsAreRefused() {
    world.protectedGroup();
    List<Sender> strangers =
        List.of(
            new Sender.User(HELPER_BOT),
            new Sender.OnBehalfOfChannel(CHANNEL),
            new Sender.AutomaticForward(CHANNEL),
            new Sender.AnonymousAdmin(OTHER_GROUP));

    for (Sender sender : strangers) {
      for (String name : ADMIN_COMMANDS) {
        assertThat(run(world.command(GROUP, sender, name, Optional.empty(), "@news")))
            .as(name + " by " + sender)
            .isEqualTo("❌ Only admins of this group can use this command.");
      }
    }
    assertThat(world.group(GROUP).isActive()).isTrue();
  }

  @Test
  void adminCommandsInPrivateSayToRunThemInTheGroup() {
    // /settings and /audit in private open the menu instead (SettingsMenuTest).
    for (String name : List.of("unprotect", "reactivate", "stats", "protect")) {
      assertThat(run(world.command(ChatRef.privateChat(OWNER), OWNER, name, "@news")))
          .as(name)
          .isEqualTo(
              "Run this command in the group you want to protect (I must be an admin there).");
    }
  }

  @Test
  void adminCommandsOnAnUnprotectedGroupSayProtectionIsOff() {
    for (String name : List.of("unprotect", "settings", "reactivate", "stats")) {
      assertThat(run(world.command(GROUP, ADMIN, name)))
          .as(name)
          .isEqualTo(
              "🔓 Protection is off here. An admin can turn it on with /protect @YourChannel.");
    }
  }
}
