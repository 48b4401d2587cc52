package dev.gmbot.domain.protection;

import static dev.gmbot.domain.GuardFixture.ADMIN;
import static dev.gmbot.domain.GuardFixture.ALICE;
import static dev.gmbot.domain.GuardFixture.CHANNEL;
import static dev.gmbot.domain.GuardFixture.GROUP;
import static dev.gmbot.domain.GuardFixture.HELPER_BOT;
import static dev.gmbot.domain.GuardFixture.SECOND_CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.domain.GuardFixture;
import dev.gmbot.port.in.MessagePosted;
import dev.gmbot.port.in.Sender;
import dev.gmbot.port.model.ChatInfo;
import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.GroupSettings;
import dev.gmbot.port.model.PauseReason;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageFlowTest {
  private final GuardFixture world = new GuardFixture().protectedGroup();

  @Test
  void deletesTheMessageAndRestrictsAWriterWhoIsNotSubscribed() {
    MessagePosted message = world.writes(GROUP, ALICE);

    world.handle(message);

    assertThat(world.telegram.calls("deleteMessage"))
        .singleElement()
        .satisfies(c -> assertThat(c.detail()).isEqualTo(message.message().toString()));
    assertThat(world.mutes()).isEqualTo(1);
    assertThat(world.sentTo(GROUP.id())).isEqualTo(1);
  }

  @Test
  void keepsTheMessageWhenTheGroupSaysSo() {
    GroupSettings keep =
        new GroupSettings(
            Optional.empty(),
            "✅ I joined - verify",
            "📢 Join channel",
            Duration.ofMinutes(10),
            false);
    world.repos.groups().updateSettings(GROUP.groupId(), keep, world.clock.instant());

    world.handle(world.writes(GROUP, ALICE));

    assertThat(world.telegram.count("deleteMessage")).isZero();
    assertThat(world.mutes()).isEqualTo(1);
  }

  @Test
  void promptsAUserAtMostOnceWithinTheCooldown() {
    world.handle(world.writes(GROUP, ALICE));
    world.clock.advance(Duration.ofSeconds(20));
    world.handle(world.writes(GROUP, ALICE));

    assertThat(world.sentTo(GROUP.id())).isEqualTo(1);
    assertThat(world.telegram.count("editMessageText")).isZero();
  }

  @Test
  void subscribedWriterIsCheckedOnceAndThenServedFromTheCache() {
    world.subscribe(ALICE, CHANNEL);

    for (int i = 0; i < 5; i++) {
      world.handle(world.writes(GROUP, ALICE));
    }

    assertThat(world.telegram.count("getChatMember")).isEqualTo(1);
    assertThat(world.telegram.count("getChatAdministrators")).isEqualTo(1);
    assertThat(world.mutes()).isZero();
    assertThat(world.metrics.count("cacheHit")).isEqualTo(4);
  }

  @Test
  void recordsActivityOfASubscribedMemberWithoutAWritePerMessage() {
    world.subscribe(ALICE, CHANNEL);
    world.handle(world.writes(GROUP, ALICE));
    var first = world.repos.members().find(GROUP.groupId(), ALICE.id()).orElseThrow().lastSeen();

    world.clock.advance(Duration.ofMinutes(5));
    world.handle(world.writes(GROUP, ALICE));
    assertThat(world.repos.members().find(GROUP.groupId(), ALICE.id()).orElseThrow().lastSeen())
        .isEqualTo(first);

    world.clock.advance(Duration.ofHours(1));
    world.handle(world.writes(GROUP, ALICE));
    assertThat(world.repos.members().find(GROUP.groupId(), ALICE.id()).orElseThrow().lastSeen())
        .isAfter(first);
  }

  @Test
  void exemptsAdministratorsWithoutALookupPerMessage() {
    for (int i = 0; i < 5; i++) {
      world.handle(world.writes(GROUP, ADMIN));
      world.handle(world.writes(GROUP, GuardFixture.OWNER));
    }

    assertThat(world.telegram.count("getChatAdministrators")).isEqualTo(1);
    assertThat(world.telegram.count("getChatMember")).isZero();
    assertThat(world.mutes()).isZero();
  }

  @Test
  void exemptsBots() {
    world.handle(world.writes(GROUP, HELPER_BOT));

    assertThat(world.telegram.count("getChatMember")).isZero();
    assertThat(world.mutes()).isZero();
  }

  @Test
  void exemptsAnonymousAdmins() {
    world.handle(world.posts(GROUP, new Sender.AnonymousAdmin(GROUP)));

    assertThat(world.telegram.count("deleteMessage")).isZero();
    assertThat(world.mutes()).isZero();
  }

  @Test
  void exemptsAutomaticForwardsFromTheLinkedChannel() {
    world.handle(world.posts(GROUP, new Sender.AutomaticForward(CHANNEL)));

    assertThat(world.telegram.count("deleteMessage")).isZero();
  }

  @Test
  void exemptsPostsOnBehalfOfTheGroupsOwnLinkedChannel() {
    world.handle(world.posts(GROUP, new Sender.OnBehalfOfChannel(CHANNEL)));

    assertThat(world.telegram.count("deleteMessage")).isZero();
  }

  @Test
  void exemptsPostsOnBehalfOfTheChannelWhoseDiscussionGroupThisIs() {
    ChatRef discussion = ChatRef.channel(-1002000000099L, "Home", "home");
    world.telegram.addChat(new ChatInfo(GROUP, Optional.empty(), Optional.of(discussion.id())));

    world.handle(world.posts(GROUP, new Sender.OnBehalfOfChannel(discussion)));
    world.handle(world.posts(GROUP, new Sender.OnBehalfOfChannel(discussion)));

    assertThat(world.telegram.count("deleteMessage")).isZero();
    assertThat(world.telegram.count("getChat")).isEqualTo(1);
  }

  @Test
  void deletesPostsOnBehalfOfAnyOtherChannelWithoutRestrictingAnyone() {
    world.handle(world.posts(GROUP, new Sender.OnBehalfOfChannel(SECOND_CHANNEL)));

    assertThat(world.telegram.count("deleteMessage")).isEqualTo(1);
    assertThat(world.mutes()).isZero();
    assertThat(world.sentTo(GROUP.id())).isZero();
  }

  @Test
  void doesNothingWhileProtectionIsPaused() {
    world
        .repos
        .groups()
        .pause(
            GROUP.groupId(),
            new PauseReason(PauseReason.Kind.BOT_LACKS_GROUP_RIGHTS, Optional.empty(), ""),
            world.clock.instant());

    world.handle(world.writes(GROUP, ALICE));

    assertThat(world.telegram.calls()).isEmpty();
  }

  @Test
  void messageNotFoundWhenDeletingIsFine() {
    world.telegram.failNext(
        "deleteMessage",
        new dev.gmbot.port.out.BotApiRejectedException(
            "deleteMessage",
            dev.gmbot.port.out.BotApiRejectedException.Reason.MESSAGE_NOT_FOUND,
            400,
            "Bad Request: message to delete not found"));

    world.handle(world.writes(GROUP, ALICE));

    assertThat(world.mutes()).isEqualTo(1);
  }
}
