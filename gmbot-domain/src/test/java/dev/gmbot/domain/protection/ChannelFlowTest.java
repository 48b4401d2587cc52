package dev.gmbot.domain.protection;

import static dev.gmbot.domain.GuardFixture.ALICE;
import static dev.gmbot.domain.GuardFixture.BOB;
import static dev.gmbot.domain.GuardFixture.CHANNEL;
import static dev.gmbot.domain.GuardFixture.GROUP;
import static dev.gmbot.domain.GuardFixture.OTHER_GROUP;
import static dev.gmbot.domain.GuardFixture.SECOND_CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.domain.GuardFixture;
import dev.gmbot.port.model.MemberStatus;
import dev.gmbot.port.model.RestrictionState;
import org.junit.jupiter.api.Test;

class ChannelFlowTest {
  private final GuardFixture world =
      new GuardFixture().protectedGroup().protect(OTHER_GROUP, GuardFixture.news());

  @Test
  void channelLeaveRestrictsTheUserAgainInEveryLinkedGroupWhereTheyAreKnown() {
    world.subscribe(ALICE, CHANNEL);
    world.handle(world.joins(GROUP, ALICE));
    world.handle(world.joins(OTHER_GROUP, ALICE));
    world.telegram.clearCalls();

    world.telegram.setStatus(CHANNEL.id(), ALICE, MemberStatus.LEFT);
    world.handle(world.channelChange(CHANNEL, ALICE, MemberStatus.MEMBER, MemberStatus.LEFT));

    assertThat(world.mutes()).isEqualTo(2);
    assertThat(world.telegram.count("getChatMember")).isZero();
    assertThat(world.repos.members().restricted(GROUP.groupId(), 10)).containsExactly(ALICE.id());
    assertThat(world.repos.members().restricted(OTHER_GROUP.groupId(), 10))
        .containsExactly(ALICE.id());
  }

  @Test
  void channelLeaveOfAnUnknownUserTouchesNoGroup() {
    world.handle(world.channelChange(CHANNEL, BOB, MemberStatus.MEMBER, MemberStatus.KICKED));

    assertThat(world.mutes()).isZero();
    assertThat(world.membershipCache.get(BOB.id(), CHANNEL.channelId())).contains(false);
  }

  @Test
  void channelJoinLiftsAWaitingUserWithoutAClick() {
    world.handle(world.joins(GROUP, ALICE));
    world.telegram.clearCalls();

    world.subscribe(ALICE, CHANNEL);
    world.handle(world.channelChange(CHANNEL, ALICE, MemberStatus.LEFT, MemberStatus.MEMBER));

    assertThat(world.lifts()).isEqualTo(1);
    assertThat(world.telegram.count("getChatMember")).isZero();
    assertThat(world.repos.members().find(GROUP.groupId(), ALICE.id()).orElseThrow().restriction())
        .isEqualTo(RestrictionState.FREE);
    assertThat(world.telegram.messagesIn(GROUP.id())).isEmpty();
  }

  @Test
  void channelJoinDoesNotLiftWhileAnotherChannelIsStillMissing() {
    world
        .repos
        .groups()
        .protect(
            GROUP.groupId(),
            "Fans",
            new dev.gmbot.port.model.Owner(
                GuardFixture.OWNER.id(), java.util.Optional.empty(), true),
            java.util.List.of(GuardFixture.news(), GuardFixture.extra()),
            world.clock.instant());
    world.handle(world.joins(GROUP, ALICE));

    world.subscribe(ALICE, CHANNEL);
    world.handle(world.channelChange(CHANNEL, ALICE, MemberStatus.LEFT, MemberStatus.MEMBER));

    assertThat(world.lifts()).isZero();
    world.subscribe(ALICE, SECOND_CHANNEL);
    world.handle(
        world.channelChange(SECOND_CHANNEL, ALICE, MemberStatus.LEFT, MemberStatus.MEMBER));
    assertThat(world.lifts()).isEqualTo(1);
  }

  @Test
  void channelUpdatesAreWrittenThroughToTheCache() {
    world.handle(world.channelChange(CHANNEL, ALICE, MemberStatus.LEFT, MemberStatus.MEMBER));
    assertThat(world.membershipCache.get(ALICE.id(), CHANNEL.channelId())).contains(true);

    world.handle(world.joins(GROUP, ALICE));

    assertThat(world.telegram.count("getChatMember")).isZero();
    assertThat(world.mutes()).isZero();
  }
}
