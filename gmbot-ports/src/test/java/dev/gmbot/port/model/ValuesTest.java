package dev.gmbot.port.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ValuesTest {
  private static final UserRef ALICE = UserRef.of(111111111L, "Alice", "alice");

  @Test
  void idsRejectImpossibleValues() {
    assertThatThrownBy(() -> new UserId(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new UserId(-5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new GroupId(42)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ChannelId(1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ChatId(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MessageId(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aUsersPrivateChatHasTheUsersId() {
    assertThat(ALICE.id().privateChat()).isEqualTo(new ChatId(111111111L));
    assertThat(ALICE.id().privateChat().isPrivate()).isTrue();
    assertThat(new GroupId(-1001234567890L).chat().isPrivate()).isFalse();
  }

  @Test
  void aRestrictedUserIsSubscribedOnlyWhileStillAMember() {
    ChatMember stillIn = new ChatMember(ALICE, MemberStatus.RESTRICTED, true, AdminRights.NONE);
    ChatMember gone = new ChatMember(ALICE, MemberStatus.RESTRICTED, false, AdminRights.NONE);

    assertThat(stillIn.isSubscribed()).isTrue();
    assertThat(gone.isSubscribed()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(value = MemberStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "RESTRICTED")
  void subscriptionFollowsTheStatusForEveryOtherStatus(MemberStatus status) {
    boolean expected =
        status == MemberStatus.CREATOR
            || status == MemberStatus.ADMINISTRATOR
            || status == MemberStatus.MEMBER;

    ChatMember claimsMember = new ChatMember(ALICE, status, true, AdminRights.NONE);
    ChatMember claimsNot = new ChatMember(ALICE, status, false, AdminRights.NONE);

    assertThat(claimsMember.isSubscribed()).isEqualTo(expected);
    assertThat(claimsNot.isSubscribed()).isEqualTo(expected);
  }

  @Test
  void theCreatorHasEveryRight() {
    ChatMember owner = new ChatMember(ALICE, MemberStatus.CREATOR, true, AdminRights.NONE);

    assertThat(owner.rights().sufficientForGroup()).isTrue();
  }

  @Test
  void callbackDataIsOneTo64Bytes() {
    assertThat(new Button.Callback("Verify", "verify:111111111").data()).hasSize(16);
    assertThatThrownBy(() -> new Button.Callback("Verify", ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Button.Callback("Verify", "é".repeat(33)))
        .hasMessageContaining("66");
  }

  @Test
  void urlButtonsOpenWebOrTelegramLinks() {
    assertThat(new Button.Url("Join", "tg://resolve?domain=news").url()).startsWith("tg://");
    assertThatThrownBy(() -> new Button.Url("Join", "javascript:alert(1)"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void messagesAreBoundedAndCopyTheirKeyboard() {
    assertThatThrownBy(() -> OutgoingMessage.text("x".repeat(4097)))
        .isInstanceOf(IllegalArgumentException.class);
    List<Button> row = new java.util.ArrayList<>(List.of(new Button.Url("Join", "https://t.me/a")));
    OutgoingMessage message = OutgoingMessage.text("hi").withKeyboard(List.of(row));
    row.clear();

    assertThat(message.keyboard().get(0)).hasSize(1);
  }

  @Test
  void theBotKnowsItsNameWithOrWithoutAtInAnyCase() {
    BotProfile bot = new BotProfile(new UserId(7000000001L), "group_guard_bot");

    assertThat(bot.isNamed("@Group_Guard_Bot")).isTrue();
    assertThat(bot.isNamed("group_guard_bot")).isTrue();
    assertThat(bot.isNamed("other_bot")).isFalse();
  }

  @Test
  void aChannelJoinsThroughItsInviteLinkElseItsPublicLink() {
    EnforcedChannel privateOne =
        new EnforcedChannel(
            new ChannelId(-1009876543210L),
            "Secret",
            Optional.empty(),
            Optional.of("https://t.me/+h"));
    EnforcedChannel publicOne =
        new EnforcedChannel(
            new ChannelId(-1005555555555L), "News", Optional.of("news"), Optional.empty());

    assertThat(privateOne.joinUrl()).contains("https://t.me/+h");
    assertThat(publicOne.joinUrl()).contains("https://t.me/news");
    assertThat(publicOne.displayName()).isEqualTo("@news");
    assertThat(privateOne.displayName()).isEqualTo("Secret");
  }

  @Test
  void aGroupIsActiveOnlyWhenEnabledUnpausedAndLinked() {
    EnforcedChannel news =
        new EnforcedChannel(
            new ChannelId(-1005555555555L), "News", Optional.of("news"), Optional.empty());
    ProtectedGroup active =
        new ProtectedGroup(
            new GroupId(-1001234567890L),
            "Group",
            ALICE.id(),
            true,
            Optional.empty(),
            GroupSettings.DEFAULTS,
            List.of(news),
            java.time.Instant.EPOCH);
    ProtectedGroup paused =
        new ProtectedGroup(
            active.id(),
            "Group",
            ALICE.id(),
            true,
            Optional.of(
                new PauseReason(PauseReason.Kind.BOT_LACKS_GROUP_RIGHTS, Optional.empty(), "")),
            GroupSettings.DEFAULTS,
            List.of(news),
            java.time.Instant.EPOCH);

    assertThat(active.isActive()).isTrue();
    assertThat(active.links(news.id())).isTrue();
    assertThat(paused.isActive()).isFalse();
  }
}
