package dev.gmbot.domain.commands;

import static dev.gmbot.domain.GuardFixture.ADMIN;
import static dev.gmbot.domain.GuardFixture.ALICE;
import static dev.gmbot.domain.GuardFixture.BASIC_GROUP;
import static dev.gmbot.domain.GuardFixture.CHANNEL;
import static dev.gmbot.domain.GuardFixture.GROUP;
import static dev.gmbot.domain.GuardFixture.OTHER_GROUP;
import static dev.gmbot.domain.GuardFixture.OWNER;
import static dev.gmbot.domain.GuardFixture.SECOND_CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.domain.GuardFixture;
import dev.gmbot.port.in.CommandIssued;
import dev.gmbot.port.in.Sender;
import dev.gmbot.port.model.AdminRights;
import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.MemberStatus;
import dev.gmbot.port.model.Owner;
import dev.gmbot.port.model.PauseReason;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.testkit.fake.FakeTelegram;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandsTest {
  private final GuardFixture world = new GuardFixture();

  private String lastReplyIn(ChatId chat) {
    List<FakeTelegram.SentMessage> sent = world.telegram.messagesIn(chat);
    assertThat(sent).as("a reply in " + chat).isNotEmpty();
    return sent.get(sent.size() - 1).message().text();
  }

  private String run(CommandIssued command) {
    world.handle(command);
    return lastReplyIn(command.chat().id());
  }

  // ---- /start, /help ---------------------------------------------------------------------------

  @Test
  void startInPrivateWelcomesWithTheSetupSteps() {
    String reply = run(world.command(ChatRef.privateChat(ALICE), ALICE, "start"));

    assertThat(reply).startsWith("👋 Welcome to GMBot!").contains("/protect @YourChannel");
  }

  @Test
  void startMakesAKnownOwnerReachableInPrivate() {
    world.repos.owners().save(new Owner(OWNER.id(), OWNER.username(), false));

    world.handle(world.command(ChatRef.privateChat(OWNER), OWNER, "start"));

    assertThat(world.repos.owners().find(OWNER.id()).orElseThrow().reachableInPrivate()).isTrue();
  }

  @Test
  void anOwnerWhoStartedTheBotBeforeProtectingIsReachableInPrivate() {
    world.handle(world.command(ChatRef.privateChat(OWNER), OWNER, "start"));

    run(world.command(GROUP, OWNER, "protect", "@news"));

    assertThat(world.repos.owners().find(OWNER.id()).orElseThrow().reachableInPrivate()).isTrue();
    assertThat(world.group(GROUP).owner()).isEqualTo(OWNER.id());
  }

  @Test
  void helpListsEveryCommand() {
    String reply = run(world.command(ChatRef.privateChat(ALICE), ALICE, "help"));

    assertThat(reply)
        .contains("/protect", "/unprotect", "/status", "/settings", "/reactivate", "/stats");
  }

  @Test
  void commandsAddressedToAnotherBotAreIgnored() {
    world.handle(
        world.command(GROUP, new Sender.User(OWNER), "protect", Optional.of("OtherBot"), "@news"));

    assertThat(world.telegram.messagesIn(GROUP.id())).isEmpty();
    assertThat(world.repos.groups().find(GROUP.groupId())).isEmpty();
  }

  @Test
  void commandsAddressedToThisBotAreHandled() {
    world.handle(
        world.command(
            GROUP, new Sender.User(OWNER), "protect", Optional.of("Group_Guard_Bot"), "@news"));

    assertThat(world.repos.groups().find(GROUP.groupId())).isPresent();
  }

  // ---- /protect ------------------------------------------------------------------------------

  @Test
  void protectActivatesProtectionAfterCheckingEveryPermission() {
    String reply = run(world.command(GROUP, OWNER, "protect", "@news"));

    assertThat(reply)
        .contains("🔍 Verifying permissions...")
        .contains("✅ I'm admin in this group")
        .contains("✅ I'm admin in @news")
        .contains("✅ You're authorized to set this up")
        .contains("🛡️ Protection Activated!")
        .contains("must now be subscribed to @news");
    ProtectedGroup group = world.group(GROUP);
    assertThat(group.isActive()).isTrue();
    assertThat(group.owner()).isEqualTo(OWNER.id());
    assertThat(group.channels())
        .extracting(EnforcedChannel::joinUrl)
        .containsExactly(Optional.of("https://t.me/news"));
  }

  @Test
  void protectingAgainAddsChannelsAndNamesThemAll() {
    world.handle(world.command(GROUP, OWNER, "protect", "@news"));

    assertThat(run(world.command(GROUP, OWNER, "protect", "@extra")))
        .contains("must now be subscribed to @news, @extra");
    assertThat(world.group(GROUP).channels()).hasSize(2);
  }

  @Test
  void protectWithAPrivateChannelUsesTheBotsOwnInviteLink() {
    ChatRef secret =
        new ChatRef(
            ChatId.of(-1002000000077L),
            dev.gmbot.port.model.ChatType.CHANNEL,
            "Secret",
            Optional.empty());
    world
        .telegram
        .addChat(secret)
        .setBotRights(secret.id(), AdminRights.ALL)
        .setStatus(secret.id(), OWNER, MemberStatus.CREATOR);

    world.handle(world.command(GROUP, OWNER, "protect", "-1002000000077"));

    assertThat(world.group(GROUP).channels().get(0).joinUrl())
        .contains("https://t.me/+fake1002000000077");
  }

  @Test
  void protectByAnAnonymousAdminMakesTheCreatorTheOwner() {
    world.handle(
        world.command(
            GROUP, new Sender.AnonymousAdmin(GROUP), "protect", Optional.empty(), "@news"));

    assertThat(world.group(GROUP).owner()).isEqualTo(OWNER.id());
  }

  @Test
  void anAnonymousAdminCannotLinkAChannelTheGroupsOwnerDoesNotAdminister() {
    ChatRef foreign = ChatRef.channel(-1002000000066L, "Foreign", "foreign");
    world.telegram.addChat(foreign).setBotRights(foreign.id(), AdminRights.ALL);

    assertThat(
            run(
                world.command(
                    GROUP,
                    new Sender.AnonymousAdmin(GROUP),
                    "protect",
                    Optional.empty(),
                    "@foreign")))
        .contains("❌ The group's owner is not an admin of @foreign");
    assertThat(world.repos.groups().find(GROUP.groupId())).isEmpty();
  }

  @Test
  void protectWithoutArgumentsExplainsTheUsage() {
    assertThat(run(world.command(GROUP, OWNER, "protect")))
        .startsWith("Usage: /protect @YourChannel");
  }

  @Test
  void protectWithAMalformedNameSaysHowToWriteIt() {
    assertThat(run(world.command(GROUP, OWNER, "protect", "news!")))
        .contains("“news!” is not a channel name");
  }

  @Test
  void protectWithAnUnknownChannelSaysItCannotBeFound() {
    assertThat(run(world.command(GROUP, OWNER, "protect", "@nosuchchannel")))
        .contains("❌ I can't find @nosuchchannel")
        .contains("Fix the ❌ items above");
    assertThat(world.repos.groups().find(GROUP.groupId())).isEmpty();
  }

  @Test
  void protectWithAChannelWhereTheBotIsNotAdminRefuses() {
    world.telegram.setStatus(
        SECOND_CHANNEL.id(),
        world.bot(MemberStatus.ADMINISTRATOR, AdminRights.NONE).user(),
        MemberStatus.LEFT);

    assertThat(run(world.command(GROUP, OWNER, "protect", "@news", "@extra")))
        .contains("✅ I'm admin in @news")
        .contains("❌ I'm not an admin in @extra");
    assertThat(world.repos.groups().find(GROUP.groupId())).isEmpty();
  }

  @Test
  void protectWhenTheBotLacksRightsInTheGroupSaysWhichOnes() {
    world.telegram.setBotRights(GROUP.id(), new AdminRights(true, false, true, true, false));

    assertThat(run(world.command(GROUP, OWNER, "protect", "@news")))
        .contains("❌ I'm admin in this group but need the rights to delete messages");
  }

  @Test
  void protectByANonAdminIsRefused() {
    assertThat(run(world.command(GROUP, ALICE, "protect", "@news")))
        .isEqualTo("❌ Only admins of this group can use this command.");
    assertThat(world.repos.groups().find(GROUP.groupId())).isEmpty();
  }

  @Test
  void protectByAGroupAdminWhoIsNotAChannelAdminIsRefused() {
    assertThat(run(world.command(GROUP, ADMIN, "protect", "@news")))
        .contains("❌ You're not an admin of @news");
  }

  @Test
  void protectInABasicGroupAsksForASupergroupFirst() {
    assertThat(run(world.command(BASIC_GROUP, OWNER, "protect", "@news"))).contains("supergroup");
  }

  @Test
  void protectInPrivateSaysToRunItInTheGroup() {
    assertThat(run(world.command(ChatRef.privateChat(OWNER), OWNER, "protect", "@news")))
        .contains("in the group you want to protect");
  }

  @Test
  void protectNamingAGroupInsteadOfAChannelRefuses() {
    ChatRef publicGroup =
        new ChatRef(
            ChatId.of(-1001000000055L),
            dev.gmbot.port.model.ChatType.SUPERGROUP,
            "Chat",
            Optional.of("somechat"));
    world.telegram.addChat(publicGroup);

    assertThat(run(world.command(GROUP, OWNER, "protect", "@somechat")))
        .contains("❌ @somechat is not a channel");
  }

  // ---- /unprotect ----------------------------------------------------------------------------

  @Test
  void unprotectAllDisablesProtectionAndLiftsTheRestrictionsItMade() {
    world.protectedGroup();
    world.handle(world.joins(GROUP, ALICE));
    world.telegram.clearCalls();

    String reply = run(world.command(GROUP, OWNER, "unprotect"));

    assertThat(reply).contains("Protection disabled").contains("lifting the 1 restrictions");
    assertThat(world.group(GROUP).enabled()).isFalse();
    assertThat(world.lifts()).isEqualTo(1);
    assertThat(world.repos.members().restricted(GROUP.groupId(), 10)).isEmpty();
  }

  @Test
  void unprotectOneChannelKeepsTheOthers() {
    world.protect(GROUP, GuardFixture.news(), GuardFixture.extra());

    assertThat(run(world.command(GROUP, OWNER, "unprotect", "@extra")))
        .contains("Still required here: @news");
    assertThat(world.group(GROUP).channels())
        .extracting(EnforcedChannel::id)
        .containsExactly(CHANNEL.channelId());
  }

  @Test
  void unprotectOfAChannelThatIsNotLinkedSaysWhatIs() {
    world.protectedGroup();

    assertThat(run(world.command(GROUP, OWNER, "unprotect", "@extra")))
        .contains("Required now: @news");
  }

  // ---- /status, /settings, /reactivate, /stats -----------------------------------------------

  @Test
  void statusShowsChannelsStateAndCounts() {
    world.protectedGroup();
    world.handle(world.joins(GROUP, ALICE));

    assertThat(run(world.command(GROUP, ALICE, "status")))
        .contains("✅ active")
        .contains("Channels: @news")
        .contains("0 verified, 1 restricted");
  }

  @Test
  void statusOfAPausedGroupSaysWhy() {
    world.protectedGroup();
    world
        .repos
        .groups()
        .pause(
            GROUP.groupId(),
            new PauseReason(
                PauseReason.Kind.CANNOT_CHECK_CHANNEL,
                Optional.of(CHANNEL.channelId()),
                "not an admin of @news"),
            world.clock.instant());

    assertThat(run(world.command(GROUP, OWNER, "status")))
        .contains("⏸ paused")
        .contains("not an admin of @news")
        .contains("/reactivate");
  }

  @Test
  void statusOfAnUnprotectedGroupSaysHowToStart() {
    assertThat(run(world.command(GROUP, OWNER, "status"))).contains("Protection is off here");
  }

  @Test
  void settingsShowsAndChangesValues() {
    world.protectedGroup();

    assertThat(run(world.command(GROUP, OWNER, "settings")))
        .contains("prompt_lifetime: 10m")
        .contains("delete_messages: on");
    world.handle(world.command(GROUP, OWNER, "settings", "prompt_lifetime", "15m"));
    world.handle(world.command(GROUP, OWNER, "settings", "delete_messages", "off"));
    world.handle(world.command(GROUP, OWNER, "settings", "verify_text", "I", "joined!"));

    var settings = world.group(GROUP).settings();
    assertThat(settings.promptLifetime()).isEqualTo(Duration.ofMinutes(15));
    assertThat(settings.deleteMessages()).isFalse();
    assertThat(settings.verifyButtonText()).isEqualTo("I joined!");
  }

  @Test
  void settingsRejectsBadValuesWithTheUsage() {
    world.protectedGroup();

    assertThat(run(world.command(GROUP, OWNER, "settings", "prompt_lifetime", "2d")))
        .contains("I can't set prompt_lifetime")
        .contains("Usage");
    assertThat(run(world.command(GROUP, OWNER, "settings", "prompt_lifetime", "5s")))
        .contains("I can't set prompt_lifetime");
    assertThat(run(world.command(GROUP, OWNER, "settings", "colour", "red")))
        .contains("I can't set colour");
    assertThat(world.group(GROUP).settings().promptLifetime()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void reactivateResumesWhenEveryRightIsBack() {
    world.protectedGroup();
    world
        .repos
        .groups()
        .pause(
            GROUP.groupId(),
            new PauseReason(
                PauseReason.Kind.CANNOT_CHECK_CHANNEL, Optional.of(CHANNEL.channelId()), ""),
            world.clock.instant());

    assertThat(run(world.command(GROUP, OWNER, "reactivate"))).contains("Protection resumed");
    assertThat(world.group(GROUP).isActive()).isTrue();
  }

  @Test
  void reactivateSaysWhatIsStillMissing() {
    world.protectedGroup();
    world
        .repos
        .groups()
        .pause(
            GROUP.groupId(),
            new PauseReason(
                PauseReason.Kind.CANNOT_CHECK_CHANNEL, Optional.of(CHANNEL.channelId()), ""),
            world.clock.instant());
    world.telegram.setStatus(
        CHANNEL.id(), world.bot(MemberStatus.LEFT, AdminRights.NONE).user(), MemberStatus.LEFT);

    assertThat(run(world.command(GROUP, OWNER, "reactivate")))
        .contains("❌ I'm not an admin in @news")
        .contains("Still missing");
    assertThat(world.group(GROUP).isPaused()).isTrue();
  }

  @Test
  void statsCountsRecentActions() {
    world.protectedGroup();
    world.handle(world.joins(GROUP, ALICE));

    assertThat(run(world.command(GROUP, OWNER, "stats")))
        .contains("restricted: 1")
        .contains("prompts: 1");
  }

  @Test
  void everyAdminCommandRefusesNonAdmins() {
    world.protectedGroup();
    for (String name : List.of("unprotect", "settings", "reactivate", "stats", "protect")) {
      String reply = run(world.command(GROUP, ALICE, name, "@news"));
      assertThat(reply).as(name).isEqualTo("❌ Only admins of this group can use this command.");
    }
    assertThat(world.group(GROUP).isActive()).isTrue();
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
}
