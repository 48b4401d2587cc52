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

import dev.gmbot.domain.protection.Decision;
import dev.gmbot.domain.scheduling.Priority;
import dev.gmbot.port.in.CommandIssued;
import dev.gmbot.port.in.Sender;
import dev.gmbot.port.model.AdminRights;
import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.ChatType;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.MemberStatus;
import dev.gmbot.port.model.Owner;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.out.ChatAccessException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** /protect: the setup wizard. */
class ProtectCommandTest extends CommandTestBase {
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

  @Test
  void protectDecidesToProtectTheGroupThenRepliesQuotingTheCommand() {
    CommandIssued command = world.command(GROUP, OWNER, "protect", "@news");

    List<Decision> decisions = world.guard.decide(command);

    assertThat(decisions).hasSize(2);
    Decision.ProtectGroup protect = (Decision.ProtectGroup) decisions.get(0);
    assertThat(protect.group()).isEqualTo(GROUP.groupId());
    assertThat(protect.title()).isEqualTo("Fans");
    assertThat(protect.owner().id()).isEqualTo(OWNER.id());
    assertThat(protect.channels())
        .extracting(EnforcedChannel::id)
        .containsExactly(CHANNEL.channelId());
    Decision.Reply reply = (Decision.Reply) decisions.get(1);
    assertThat(reply.chat()).isEqualTo(GROUP.id());
    assertThat(reply.priority()).isEqualTo(Priority.P0_INTERACTIVE);
    assertThat(reply.message().replyTo()).contains(command.message());
  }

  @Test
  void protectAcceptsTheChannelsTelegramLinks() {
    assertThat(run(world.command(GROUP, OWNER, "protect", "t.me/news", "https://t.me/extra")))
        .contains("✅ I'm admin in @news")
        .contains("✅ I'm admin in @extra")
        .contains("must now be subscribed to @news, @extra");
    assertThat(world.group(GROUP).channels()).hasSize(2);
  }

  @Test
  void protectWithABareNameSaysHowToWriteIt() {
    assertThat(run(world.command(GROUP, OWNER, "protect", "news")))
        .startsWith("“news” is not a channel name. Write it as @ChannelName (or its -100… id).")
        .contains("Usage: /protect @YourChannel");
    assertThat(world.repos.groups().find(GROUP.groupId())).isEmpty();
  }

  @Test
  void protectNamingAChannelTwiceChecksAndLinksItOnce() {
    String reply = run(world.command(GROUP, OWNER, "protect", "@news", "@NEWS", "t.me/news"));

    assertThat(reply.split("✅ I'm admin in @news", -1)).hasSize(2);
    assertThat(world.group(GROUP).channels()).hasSize(1);
  }

  @Test
  void protectWithMoreThanTenChannelsRefuses() {
    String[] eleven = new String[11];
    for (int i = 0; i < eleven.length; i++) {
      eleven[i] = "@channel" + i;
    }

    assertThat(run(world.command(GROUP, OWNER, "protect", eleven)))
        .isEqualTo("A group can require at most 10 channels.");
  }

  @Test
  void protectWithAPrivateChannelWhereTheBotMayNotInviteSaysSo() {
    ChatRef secret =
        new ChatRef(ChatId.of(-1002000000077L), ChatType.CHANNEL, "Secret", Optional.empty());
    world
        .telegram
        .addChat(secret)
        .setBotRights(secret.id(), AdminRights.ALL)
        .setStatus(secret.id(), OWNER, MemberStatus.CREATOR)
        .failAlways(
            "createChatInviteLink",
            secret.id(),
            new ChatAccessException(
                "createChatInviteLink",
                secret.id(),
                ChatAccessException.Problem.CHAT_ADMIN_REQUIRED,
                "Bad Request: CHAT_ADMIN_REQUIRED"));

    assertThat(run(world.command(GROUP, OWNER, "protect", "-1002000000077")))
        .contains("❌ I can't create an invite link for Secret: give me the right to invite users");
    assertThat(world.repos.groups().find(GROUP.groupId())).isEmpty();
  }

  @Test
  void protectWhenTheBotIsNotAnAdminOfTheGroupSaysWhatItNeeds() {
    world.telegram.setStatus(
        GROUP.id(), world.bot(MemberStatus.MEMBER, AdminRights.NONE).user(), MemberStatus.MEMBER);

    assertThat(run(world.command(GROUP, OWNER, "protect", "@news")))
        .contains(
            "❌ I'm not an admin in this group: make me admin with the rights to restrict members,"
                + " delete messages and invite users")
        .contains("Fix the ❌ items above, then run /protect again.");
  }

  @Test
  void protectWhenTheBotLacksEveryRightInTheGroupNamesThemAll() {
    world.telegram.setBotRights(GROUP.id(), new AdminRights(false, false, false, true, false));

    assertThat(run(world.command(GROUP, OWNER, "protect", "@news")))
        .contains(
            "❌ I'm admin in this group but need the rights to restrict members, delete messages,"
                + " invite users");
  }

  @Test
  void protectTellsAnOwnerWhoCannotBeReachedInPrivateToStartTheBot() {
    String tip = "Tip: send me /start in a private chat";

    assertThat(run(world.command(GROUP, OWNER, "protect", "@news"))).contains(tip);
    world.repos.owners().save(new Owner(OWNER.id(), OWNER.username(), true));
    assertThat(run(world.command(GROUP, OWNER, "protect", "@extra"))).doesNotContain(tip);
  }

  @Test
  void protectInAChannelSaysToRunItInTheGroup() {
    assertThat(run(world.command(CHANNEL, OWNER, "protect", "@news")))
        .isEqualTo("Run this command in the group you want to protect (I must be an admin there).");
  }

  @Test
  void protectByAnAnonymousAdminOfAnotherGroupIsRefused() {
    assertThat(
            run(
                world.command(
                    GROUP,
                    new Sender.AnonymousAdmin(OTHER_GROUP),
                    "protect",
                    Optional.empty(),
                    "@news")))
        .isEqualTo("❌ Only admins of this group can use this command.");
  }
}
