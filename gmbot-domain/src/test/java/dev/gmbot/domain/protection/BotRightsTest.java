package dev.gmbot.domain.protection;

import static dev.gmbot.domain.GuardFixture.ALICE;
import static dev.gmbot.domain.GuardFixture.CHANNEL;
import static dev.gmbot.domain.GuardFixture.GROUP;
import static dev.gmbot.domain.GuardFixture.OTHER_GROUP;
import static dev.gmbot.domain.GuardFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.domain.GuardFixture;
import dev.gmbot.port.model.AdminRights;
import dev.gmbot.port.model.ChatMember;
import dev.gmbot.port.model.MemberStatus;
import dev.gmbot.port.model.Owner;
import dev.gmbot.port.model.PauseReason;
import dev.gmbot.port.out.BotApiRejectedException;
import dev.gmbot.port.out.ChatAccessException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BotRightsTest {
  private static final AdminRights NO_RESTRICT = new AdminRights(false, true, true, true, false);
  private final GuardFixture world = new GuardFixture().protectedGroup();

  private ChatMember admin() {
    return world.bot(MemberStatus.ADMINISTRATOR, AdminRights.ALL);
  }

  @Test
  void pausesTheGroupWhenTheBotLosesARightAndTellsTheOwnerInPrivate() {
    world.handle(
        world.botChange(GROUP, admin(), world.bot(MemberStatus.ADMINISTRATOR, NO_RESTRICT)));

    PauseReason reason = world.group(GROUP).pause().orElseThrow();
    assertThat(reason.kind()).isEqualTo(PauseReason.Kind.BOT_LACKS_GROUP_RIGHTS);
    assertThat(reason.detail()).contains("restrict members");
    assertThat(world.telegram.messagesIn(OWNER.id().privateChat()))
        .singleElement()
        .satisfies(m -> assertThat(m.message().text()).contains("restrict members"));
  }

  @Test
  void fallsBackToTheGroupWhenTheOwnerCannotBeReachedInPrivate() {
    world.repos.owners().save(new Owner(OWNER.id(), OWNER.username(), false));

    world.handle(world.botChange(GROUP, admin(), world.bot(MemberStatus.MEMBER, AdminRights.NONE)));

    assertThat(world.sentTo(OWNER.id().privateChat())).isZero();
    assertThat(world.telegram.messagesIn(GROUP.id())).hasSize(1);
  }

  @Test
  void fallsBackToTheGroupWhenThePrivateChatIsClosed() {
    world.telegram.failNext(
        "sendMessage",
        new ChatAccessException(
            "sendMessage",
            OWNER.id().privateChat(),
            ChatAccessException.Problem.PRIVATE_CHAT_CLOSED,
            "Forbidden: bot was blocked by the user"));

    world.handle(world.botChange(GROUP, admin(), world.bot(MemberStatus.MEMBER, AdminRights.NONE)));

    assertThat(world.telegram.messagesIn(GROUP.id())).hasSize(1);
    assertThat(world.repos.owners().find(OWNER.id()).orElseThrow().reachableInPrivate()).isFalse();
  }

  @Test
  void resumesByItselfWhenTheRightsComeBack() {
    world.handle(
        world.botChange(GROUP, admin(), world.bot(MemberStatus.ADMINISTRATOR, NO_RESTRICT)));
    world.handle(
        world.botChange(GROUP, world.bot(MemberStatus.ADMINISTRATOR, NO_RESTRICT), admin()));

    assertThat(world.group(GROUP).isActive()).isTrue();
    assertThat(world.telegram.messagesIn(OWNER.id().privateChat())).hasSize(2);
  }

  @Test
  void pausesWhenTheBotIsRemovedFromTheGroup() {
    world.handle(world.botChange(GROUP, admin(), world.bot(MemberStatus.LEFT, AdminRights.NONE)));

    assertThat(world.group(GROUP).pause().orElseThrow().kind())
        .isEqualTo(PauseReason.Kind.BOT_REMOVED_FROM_GROUP);
  }

  @Test
  void pausesEveryGroupLinkedToAChannelWhereTheBotIsNoLongerAdminAndResumesThem() {
    world.protect(OTHER_GROUP, GuardFixture.news());

    world.handle(world.botChange(CHANNEL, admin(), world.bot(MemberStatus.LEFT, AdminRights.NONE)));

    assertThat(world.group(GROUP).pause().orElseThrow().channel()).contains(CHANNEL.channelId());
    assertThat(world.group(OTHER_GROUP).isPaused()).isTrue();
    assertThat(world.sentTo(OWNER.id().privateChat())).isEqualTo(2);

    world.handle(world.botChange(CHANNEL, world.bot(MemberStatus.LEFT, AdminRights.NONE), admin()));

    assertThat(world.group(GROUP).isActive()).isTrue();
    assertThat(world.group(OTHER_GROUP).isActive()).isTrue();
  }

  @Test
  void refusedRestrictionForLackOfRightsPausesTheGroupAndSkipsThePrompt() {
    world.telegram.failNext(
        "restrictChatMember",
        new ChatAccessException(
            "restrictChatMember",
            GROUP.id(),
            ChatAccessException.Problem.NOT_ENOUGH_RIGHTS,
            "Bad Request: not enough rights to restrict/unrestrict chat member"));

    world.handle(world.joins(GROUP, ALICE));

    assertThat(world.group(GROUP).pause().orElseThrow().kind())
        .isEqualTo(PauseReason.Kind.BOT_LACKS_GROUP_RIGHTS);
    assertThat(world.repos.prompts().naming(GROUP.groupId(), ALICE.id())).isEmpty();
    assertThat(world.sentTo(OWNER.id().privateChat())).isEqualTo(1);
    assertThat(world.repos.members().find(GROUP.groupId(), ALICE.id())).isEmpty();
  }

  @Test
  void refusedRestrictionOfAnAdministratorTreatsThemAsExempt() {
    world.telegram.failNext(
        "restrictChatMember",
        new BotApiRejectedException(
            "restrictChatMember",
            BotApiRejectedException.Reason.USER_IS_ADMINISTRATOR,
            400,
            "Bad Request: user is an administrator of the chat"));

    world.handle(world.joins(GROUP, ALICE));

    assertThat(world.group(GROUP).isActive()).isTrue();
    assertThat(world.repos.prompts().naming(GROUP.groupId(), ALICE.id())).isEmpty();
    assertThat(world.adminCache.get(GROUP.groupId())).isEmpty();
  }

  @Test
  void ownerWhoBlocksTheBotIsNoLongerReachableInPrivate() {
    var privateChat = dev.gmbot.port.model.ChatRef.privateChat(OWNER);

    world.handle(
        world.botChange(
            privateChat,
            world.bot(MemberStatus.MEMBER, AdminRights.NONE),
            world.bot(MemberStatus.KICKED, AdminRights.NONE)));

    assertThat(world.repos.owners().find(OWNER.id()).map(Owner::reachableInPrivate))
        .isEqualTo(Optional.of(false));
  }
}
