package dev.gmbot.domain.protection;

import static dev.gmbot.domain.GuardFixture.ADMIN;
import static dev.gmbot.domain.GuardFixture.ALICE;
import static dev.gmbot.domain.GuardFixture.CHANNEL;
import static dev.gmbot.domain.GuardFixture.GROUP;
import static dev.gmbot.domain.GuardFixture.HELPER_BOT;
import static dev.gmbot.domain.GuardFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.domain.GuardFixture;
import dev.gmbot.port.in.HandlingResult;
import dev.gmbot.port.model.AdminRights;
import dev.gmbot.port.model.AuditEntry;
import dev.gmbot.port.model.Button;
import dev.gmbot.port.model.ChatMember;
import dev.gmbot.port.model.MemberStatus;
import dev.gmbot.port.model.PauseReason;
import dev.gmbot.port.model.RestrictionState;
import dev.gmbot.port.out.ChatAccessException;
import dev.gmbot.port.out.TransientBotApiException;
import dev.gmbot.testkit.fake.FakeTelegram.SentMessage;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class JoinFlowTest {
  private final GuardFixture world = new GuardFixture().protectedGroup();

  @Test
  void restrictsJoinerWhoIsNotSubscribedAndPromptsThem() {
    HandlingResult result = world.handle(world.joins(GROUP, ALICE));

    assertThat(world.mutes()).isEqualTo(1);
    assertThat(world.repos.members().find(GROUP.groupId(), ALICE.id()).orElseThrow().restriction())
        .isEqualTo(RestrictionState.RESTRICTED);
    List<SentMessage> prompts = world.telegram.messagesIn(GROUP.id());
    assertThat(prompts).hasSize(1);
    SentMessage prompt = prompts.get(0);
    assertThat(prompt.message().text()).contains("Alice").contains("@news");
    assertThat(prompt.message().keyboard())
        .containsExactly(
            List.of(new Button.Url("📢 Join channel", "https://t.me/news")),
            List.of(new Button.Callback("✅ I joined - verify", "verify:101")));
    assertThat(world.repos.prompts().naming(GROUP.groupId(), ALICE.id())).hasSize(1);
    assertThat(world.repos.auditEntries())
        .extracting(AuditEntry::action)
        .containsExactly(AuditEntry.Action.RESTRICTED, AuditEntry.Action.PROMPTED);
    assertThat(result.effects()).anyMatch(line -> line.startsWith("restricted 101"));
  }

  @Test
  void letsSubscribedJoinerIn() {
    world.subscribe(ALICE, CHANNEL);

    world.handle(world.joins(GROUP, ALICE));

    assertThat(world.mutes()).isZero();
    assertThat(world.telegram.messagesIn(GROUP.id())).isEmpty();
    assertThat(world.repos.members().find(GROUP.groupId(), ALICE.id()).orElseThrow().restriction())
        .isEqualTo(RestrictionState.FREE);
  }

  @Test
  void asksAgainForAJoinerCachedAsNotSubscribedWhoSubscribedMeanwhile() {
    // Checked a moment ago (removed, say), then subscribed and back: the join's service message
    // can be handled before the channel's own update writes the new answer into the cache.
    world.membershipCache.put(ALICE.id(), CHANNEL.channelId(), false, Duration.ofMinutes(1));
    world.subscribe(ALICE, CHANNEL);

    world.handle(world.serviceJoin(GROUP, ALICE));

    assertThat(world.mutes()).isZero();
    assertThat(world.telegram.count("getChatMember")).isEqualTo(1);
    assertThat(world.membershipCache.get(ALICE.id(), CHANNEL.channelId())).contains(true);
  }

  @Test
  void aJoinerCachedAsSubscribedIsNotAskedAgain() {
    world.membershipCache.put(ALICE.id(), CHANNEL.channelId(), true, Duration.ofMinutes(10));

    world.handle(world.joins(GROUP, ALICE));

    assertThat(world.mutes()).isZero();
    assertThat(world.telegram.count("getChatMember")).isZero();
  }

  @Test
  void countsJoinerRestrictedInTheChannelButStillAMemberAsSubscribed() {
    world.telegram.setMember(
        CHANNEL.id(), new ChatMember(ALICE, MemberStatus.RESTRICTED, true, AdminRights.NONE));

    world.handle(world.joins(GROUP, ALICE));

    assertThat(world.mutes()).isZero();
  }

  @Test
  void actsOnceWhenTheJoinArrivesAsChatMemberUpdateAndAsServiceMessage() {
    world.handle(world.joins(GROUP, ALICE));
    HandlingResult second = world.handle(world.serviceJoin(GROUP, ALICE));

    assertThat(world.mutes()).isEqualTo(1);
    assertThat(world.sentTo(GROUP.id())).isEqualTo(1);
    assertThat(second.effects())
        .containsExactly("join of 101 in " + GROUP.id() + " already handled");
  }

  @Test
  void actsOnceWhenTheServiceMessageComesFirst() {
    world.handle(world.serviceJoin(GROUP, ALICE));
    world.handle(world.joins(GROUP, ALICE));

    assertThat(world.mutes()).isEqualTo(1);
  }

  @Test
  void serviceMessageAloneRestrictsEveryNewMember() {
    world.handle(world.serviceJoin(GROUP, ALICE, GuardFixture.BOB));

    assertThat(world.mutes()).isEqualTo(2);
    assertThat(world.sentTo(GROUP.id())).isEqualTo(1);
  }

  @Test
  void memberRepositoryStopsASecondSignalHandledByAnotherInstance() {
    world.handle(world.joins(GROUP, ALICE));
    // Another instance: same stores, fresh process state (no join ledger).
    var otherInstance =
        dev.gmbot.domain.Guard.builder()
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
            .build();

    HandlingResult second = otherInstance.handle(world.serviceJoin(GROUP, ALICE));

    assertThat(second.duplicate()).isFalse();
    assertThat(second.effects())
        .containsExactly("join of 101 in " + GROUP.id() + " already handled");
    assertThat(world.mutes()).isEqualTo(1);
  }

  @Test
  void rejoinAfterTheWindowIsAJoinAgain() {
    world.subscribe(ALICE, CHANNEL);
    world.handle(world.joins(GROUP, ALICE));
    world.handle(world.leaves(GROUP, ALICE));
    world.telegram.setStatus(CHANNEL.id(), ALICE, MemberStatus.LEFT);
    world.clock.advance(Duration.ofMinutes(12));

    world.handle(world.joins(GROUP, ALICE));

    assertThat(world.mutes()).isEqualTo(1);
  }

  @Test
  void exemptsAdministratorsAndBotsWhoJoin() {
    world.handle(
        world.memberChange(
            GROUP,
            ADMIN,
            ChatMember.of(ADMIN, MemberStatus.LEFT),
            new ChatMember(ADMIN, MemberStatus.ADMINISTRATOR, true, AdminRights.ALL)));
    world.handle(world.joins(GROUP, HELPER_BOT));

    assertThat(world.mutes()).isZero();
    assertThat(world.telegram.count("getChatMember")).isZero();
  }

  @Test
  void cannotCheckRestrictsNobodyPausesTheGroupAndTellsTheOwner() {
    world.telegram.failAlways(
        "getChatMember",
        CHANNEL.id(),
        new ChatAccessException(
            "getChatMember",
            CHANNEL.id(),
            ChatAccessException.Problem.MEMBER_LIST_INACCESSIBLE,
            "Bad Request: member list is inaccessible"));

    world.handle(world.joins(GROUP, ALICE));

    assertThat(world.mutes()).isZero();
    PauseReason reason = world.group(GROUP).pause().orElseThrow();
    assertThat(reason.kind()).isEqualTo(PauseReason.Kind.CANNOT_CHECK_CHANNEL);
    assertThat(reason.channel()).contains(CHANNEL.channelId());
    List<SentMessage> toOwner = world.telegram.messagesIn(OWNER.id().privateChat());
    assertThat(toOwner).hasSize(1);
    assertThat(toOwner.get(0).message().text())
        .contains("I lost admin rights in @news")
        .contains("/reactivate");
  }

  @Test
  void cannotCheckTellsTheOwnerOnlyOnce() {
    world.telegram.failAlways(
        "getChatMember",
        CHANNEL.id(),
        new ChatAccessException(
            "getChatMember", CHANNEL.id(), ChatAccessException.Problem.BOT_NOT_MEMBER, ""));

    world.handle(world.joins(GROUP, ALICE));
    world.handle(world.joins(GROUP, GuardFixture.BOB));

    assertThat(world.sentTo(OWNER.id().privateChat())).isEqualTo(1);
    assertThat(world.telegram.count("getChatMember")).isEqualTo(1);
  }

  @Test
  void transientErrorRestrictsNobodyAndIsRetried() {
    world.telegram.failAlways(
        "getChatMember",
        CHANNEL.id(),
        new TransientBotApiException("getChatMember", "HTTP 502", OptionalInt.of(502), null));

    HandlingResult result = world.handle(world.joins(GROUP, ALICE));

    assertThat(world.mutes()).isZero();
    assertThat(world.telegram.count("getChatMember")).isEqualTo(3);
    assertThat(world.group(GROUP).isPaused()).isFalse();
    assertThat(result.effects()).anyMatch(line -> line.startsWith("could not check @news now"));
  }

  @Test
  void ignoresJoinsInGroupsThatAreNotProtected() {
    world.handle(world.joins(GuardFixture.OTHER_GROUP, ALICE));

    assertThat(world.telegram.calls())
        .extracting(c -> c.method())
        .doesNotContain("restrictChatMember", "getChatMember");
  }

  @Test
  void forgetsMembersWhoLeaveButKeepsThoseItRestricted() {
    world.subscribe(ALICE, CHANNEL);
    world.handle(world.joins(GROUP, ALICE));
    world.handle(world.joins(GROUP, GuardFixture.BOB));

    world.handle(world.leaves(GROUP, ALICE));
    world.handle(world.leaves(GROUP, GuardFixture.BOB));

    assertThat(world.repos.members().find(GROUP.groupId(), ALICE.id())).isEmpty();
    assertThat(world.repos.members().find(GROUP.groupId(), GuardFixture.BOB.id())).isPresent();
  }

  @Test
  void refreshesTheAdministratorListWhenSomeoneIsPromoted() {
    world.subscribe(ALICE, CHANNEL);
    world.handle(world.writes(GROUP, ALICE));
    assertThat(world.telegram.count("getChatAdministrators")).isEqualTo(1);

    world.telegram.setMember(
        GROUP.id(), new ChatMember(ALICE, MemberStatus.ADMINISTRATOR, true, AdminRights.ALL));
    world.handle(
        world.memberChange(
            GROUP,
            OWNER,
            ChatMember.of(ALICE, MemberStatus.MEMBER),
            new ChatMember(ALICE, MemberStatus.ADMINISTRATOR, true, AdminRights.ALL)));
    world.handle(world.writes(GROUP, ALICE));

    assertThat(world.telegram.count("getChatAdministrators")).isEqualTo(2);
    assertThat(world.adminCache.get(GROUP.groupId()).orElseThrow()).contains(ALICE.id());
  }
}
