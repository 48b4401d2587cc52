package dev.gmbot.domain.protection;

import static dev.gmbot.domain.GuardFixture.ALICE;
import static dev.gmbot.domain.GuardFixture.BOB;
import static dev.gmbot.domain.GuardFixture.CHANNEL;
import static dev.gmbot.domain.GuardFixture.GROUP;
import static dev.gmbot.domain.GuardFixture.SECOND_CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.domain.Guard;
import dev.gmbot.domain.GuardFixture;
import dev.gmbot.port.in.ButtonPressed;
import dev.gmbot.port.model.AuditEntry;
import dev.gmbot.port.model.Button;
import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.Language;
import dev.gmbot.port.model.MemberStatus;
import dev.gmbot.port.model.PendingJoinRequest;
import dev.gmbot.port.model.UserRef;
import dev.gmbot.port.out.BotApiRejectedException;
import dev.gmbot.port.out.ChatAccessException;
import dev.gmbot.port.out.TransientBotApiException;
import dev.gmbot.testkit.fake.FakeTelegram.SentMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The join-request gate (ADR 0023): a subscriber is approved at once; anyone else is written to in
 * private and their request held, approved the moment they subscribe or press the button, declined
 * with a word of why once it expires; Telegram's refusals end the held request, never the sweep.
 */
class JoinRequestGateTest {
  private static final Duration DAY = Duration.ofHours(24);

  private final GuardFixture world = new GuardFixture().protectedGroup();

  private Optional<PendingJoinRequest> held(UserRef user) {
    return world.repos.joinRequests().find(GROUP.groupId(), user.id());
  }

  private List<AuditEntry.Action> audit() {
    return world.repos.auditEntries().stream().map(AuditEntry::action).toList();
  }

  private long calls(String method) {
    return world.telegram.calls(method).size();
  }

  private List<SentMessage> privateMessages(UserRef user) {
    return world.telegram.messagesIn(user.id().privateChat());
  }

  @Nested
  class OnArrival {
    @Test
    void aSubscriberIsApprovedAtOnceAndNothingIsHeld() {
      world.subscribe(ALICE, CHANNEL);

      world.handle(world.requestsToJoin(GROUP, ALICE));

      assertThat(calls("approveChatJoinRequest")).isEqualTo(1);
      assertThat(held(ALICE)).isEmpty();
      assertThat(privateMessages(ALICE)).isEmpty();
      assertThat(audit()).contains(AuditEntry.Action.JOIN_APPROVED);
    }

    @Test
    void anyoneElseIsToldInPrivateAndTheRequestIsHeldForTheTimeout() {
      UserRef russian = ALICE.withLanguageCode("ru");

      world.handle(world.requestsToJoin(GROUP, russian));

      assertThat(calls("approveChatJoinRequest")).isZero();
      assertThat(privateMessages(ALICE)).singleElement();
      PendingJoinRequest r = held(ALICE).orElseThrow();
      assertThat(r.userChat()).isEqualTo(ALICE.id().privateChat());
      assertThat(r.language()).isEqualTo(Language.RUSSIAN);
      assertThat(r.requestedAt()).isEqualTo(world.clock.instant());
      assertThat(r.expiresAt()).isEqualTo(world.clock.instant().plus(DAY));
    }

    @Test
    void theTimeoutIsASetting() {
      GuardFixture short_ =
          new GuardFixture(
                  new ProtectionSettings(
                      Duration.ofMinutes(3),
                      Duration.ofMinutes(3),
                      Duration.ofSeconds(15),
                      10,
                      100,
                      Duration.ofMinutes(30)))
              .protectedGroup();

      short_.handle(short_.requestsToJoin(GROUP, ALICE));

      assertThat(short_.repos.joinRequests().find(GROUP.groupId(), ALICE.id()))
          .hasValueSatisfying(
              r ->
                  assertThat(r.expiresAt())
                      .isEqualTo(short_.clock.instant().plus(Duration.ofMinutes(30))));
    }

    @Test
    void aRequesterWhoCannotBeWrittenToIsHeldAllTheSame() {
      world.telegram.failNext(
          "sendMessage",
          new ChatAccessException(
              "sendMessage",
              ALICE.id().privateChat(),
              ChatAccessException.Problem.BOT_KICKED,
              "Forbidden: bot was blocked by the user"));

      world.handle(world.requestsToJoin(GROUP, ALICE));

      assertThat(held(ALICE)).isPresent();
    }

    @Test
    void aTrustedMemberIsApprovedWithoutACheck() {
      world
          .repos
          .trustList()
          .trust(
              new dev.gmbot.port.model.TrustedMember(
                  GROUP.groupId(),
                  ALICE.id(),
                  "Alice",
                  GuardFixture.ADMIN.id(),
                  world.clock.instant()));

      world.handle(world.requestsToJoin(GROUP, ALICE));

      assertThat(calls("approveChatJoinRequest")).isEqualTo(1);
      assertThat(calls("getChatMember")).isZero();
      assertThat(held(ALICE)).isEmpty();
    }

    @Test
    void aRequestToAnUnprotectedGroupIsLeftAloneAndNotHeld() {
      world.handle(world.requestsToJoin(GuardFixture.OTHER_GROUP, ALICE));

      assertThat(world.repos.joinRequests().count()).isZero();
      assertThat(world.telegram.calls()).isEmpty();
    }
  }

  @Nested
  class ApprovedLater {
    @Test
    void subscribingToTheChannelApprovesTheHeldRequestWithoutAClick() {
      world.handle(world.requestsToJoin(GROUP, ALICE));

      world.subscribe(ALICE, CHANNEL);
      world.handle(world.channelChange(CHANNEL, ALICE, MemberStatus.LEFT, MemberStatus.MEMBER));

      assertThat(world.telegram.calls("approveChatJoinRequest"))
          .singleElement()
          .satisfies(c -> assertThat(c.user()).contains(ALICE.id()));
      assertThat(held(ALICE)).isEmpty();
      assertThat(audit()).contains(AuditEntry.Action.JOIN_APPROVED);
    }

    @Test
    void withTwoChannelsTheRequestWaitsForTheSecond() {
      world.protect(GROUP, GuardFixture.news(), GuardFixture.extra());
      world.handle(world.requestsToJoin(GROUP, ALICE));

      world.subscribe(ALICE, CHANNEL);
      world.handle(world.channelChange(CHANNEL, ALICE, MemberStatus.LEFT, MemberStatus.MEMBER));
      assertThat(calls("approveChatJoinRequest")).isZero();
      assertThat(held(ALICE)).isPresent();

      world.subscribe(ALICE, SECOND_CHANNEL);
      world.handle(
          world.channelChange(SECOND_CHANNEL, ALICE, MemberStatus.LEFT, MemberStatus.MEMBER));
      assertThat(calls("approveChatJoinRequest")).isEqualTo(1);
      assertThat(held(ALICE)).isEmpty();
    }

    @Test
    void anotherSubscriberLeavesTheHeldRequestAlone() {
      world.handle(world.requestsToJoin(GROUP, ALICE));

      world.subscribe(BOB, CHANNEL);
      world.handle(world.channelChange(CHANNEL, BOB, MemberStatus.LEFT, MemberStatus.MEMBER));

      assertThat(calls("approveChatJoinRequest")).isZero();
      assertThat(held(ALICE)).isPresent();
    }

    @Test
    void thePressOfTheButtonApprovesAndForgetsTheHeldRequest() {
      world.handle(world.requestsToJoin(GROUP, ALICE));
      SentMessage dm = privateMessages(ALICE).getFirst();
      Button.Callback button = (Button.Callback) dm.message().keyboard().getLast().getFirst();

      world.subscribe(ALICE, CHANNEL); // quietly: only the press tells
      world.handle(
          new ButtonPressed(
              world.nextUpdateId(),
              world.clock.instant(),
              "cb-join",
              ALICE,
              Optional.of(ChatRef.privateChat(ALICE)),
              Optional.of(dm.id()),
              button.data()));

      assertThat(calls("approveChatJoinRequest")).isEqualTo(1);
      assertThat(held(ALICE)).isEmpty();
    }

    @Test
    void aRequestDecidedElsewhereIsForgottenQuietly() {
      world.handle(world.requestsToJoin(GROUP, ALICE));
      world.telegram.failNext(
          "approveChatJoinRequest",
          new BotApiRejectedException(
              "approveChatJoinRequest",
              BotApiRejectedException.Reason.ALREADY_PARTICIPANT,
              400,
              "Bad Request: USER_ALREADY_PARTICIPANT"));

      world.subscribe(ALICE, CHANNEL);
      world.handle(world.channelChange(CHANNEL, ALICE, MemberStatus.LEFT, MemberStatus.MEMBER));

      assertThat(held(ALICE)).isEmpty();
      assertThat(audit()).doesNotContain(AuditEntry.Action.JOIN_APPROVED);
    }
  }

  @Nested
  class Expired {
    private List<String> sweep() {
      return world.guard.sweepPrompts();
    }

    @Test
    void nothingIsDeclinedBeforeTheTimeout() {
      world.handle(world.requestsToJoin(GROUP, ALICE));
      world.clock.advance(DAY.minusSeconds(1));

      sweep();

      assertThat(calls("declineChatJoinRequest")).isZero();
      assertThat(held(ALICE)).isPresent();
      assertThat(world.metrics.pendingJoinRequests()).isEqualTo(1);
    }

    @Test
    void anExpiredRequestIsDeclinedOnceAndTheRequesterToldWhyInTheirLanguage() {
      world.handle(world.requestsToJoin(GROUP, ALICE.withLanguageCode("ru")));
      world.clock.advance(DAY);

      List<String> effects = sweep();
      sweep();

      assertThat(effects).anyMatch(l -> l.startsWith("declined join request of " + ALICE.id()));
      assertThat(world.telegram.calls("declineChatJoinRequest"))
          .singleElement()
          .satisfies(c -> assertThat(c.user()).contains(ALICE.id()));
      assertThat(privateMessages(ALICE)).hasSize(2);
      assertThat(privateMessages(ALICE).getLast().message().text())
          .contains("отклонена")
          .contains("@news");
      assertThat(held(ALICE)).isEmpty();
      assertThat(audit()).contains(AuditEntry.Action.JOIN_DECLINED);
      assertThat(world.metrics.pendingJoinRequests()).isZero();
    }

    @Test
    void aRequesterSubscribedMeanwhileIsApprovedInsteadOfDeclined() {
      world.handle(world.requestsToJoin(GROUP, ALICE));
      world.subscribe(ALICE, CHANNEL); // no channel update reached GMBot
      world.clock.advance(DAY);

      sweep();

      assertThat(calls("declineChatJoinRequest")).isZero();
      assertThat(calls("approveChatJoinRequest")).isEqualTo(1);
      assertThat(held(ALICE)).isEmpty();
    }

    @Test
    void aRequestAnAdminDecidedMeanwhileIsForgottenWithoutANotice() {
      world.handle(world.requestsToJoin(GROUP, ALICE));
      world.clock.advance(DAY);
      world.telegram.failNext(
          "declineChatJoinRequest",
          new BotApiRejectedException(
              "declineChatJoinRequest",
              BotApiRejectedException.Reason.NO_JOIN_REQUEST,
              400,
              "Bad Request: HIDE_REQUESTER_MISSING"));

      List<String> effects = sweep();

      assertThat(effects).anyMatch(l -> l.contains("no longer pending"));
      assertThat(held(ALICE)).isEmpty();
      assertThat(privateMessages(ALICE)).hasSize(1); // the instructions only
      assertThat(audit()).doesNotContain(AuditEntry.Action.JOIN_DECLINED);
    }

    @Test
    void aBotThatLostItsRightsForgetsTheRequestInsteadOfRetryingForever() {
      world.handle(world.requestsToJoin(GROUP, ALICE));
      world.clock.advance(DAY);
      world.telegram.failAlways(
          "declineChatJoinRequest",
          GROUP.id(),
          new ChatAccessException(
              "declineChatJoinRequest",
              GROUP.id(),
              ChatAccessException.Problem.NOT_ENOUGH_RIGHTS,
              "Bad Request: not enough rights to manage chat join requests"));

      List<String> effects = sweep();
      world.clock.advance(Duration.ofMinutes(10));
      sweep();

      assertThat(effects).anyMatch(l -> l.startsWith("could not decline " + ALICE.id()));
      assertThat(calls("declineChatJoinRequest")).isEqualTo(1);
      assertThat(held(ALICE)).isEmpty();
    }

    @Test
    void aRequesterWhoseChatRefusesIsDeclinedAllTheSame() {
      world.handle(world.requestsToJoin(GROUP, ALICE));
      world.clock.advance(DAY);
      world.telegram.failAlways(
          "sendMessage",
          ALICE.id().privateChat(),
          new ChatAccessException(
              "sendMessage",
              ALICE.id().privateChat(),
              ChatAccessException.Problem.BOT_KICKED,
              "Forbidden: bot can't initiate conversation with a user"));

      List<String> effects = sweep();

      assertThat(calls("declineChatJoinRequest")).isEqualTo(1);
      assertThat(effects).anyMatch(l -> l.startsWith("could not tell " + ALICE.id()));
      assertThat(held(ALICE)).isEmpty();
      assertThat(audit()).contains(AuditEntry.Action.JOIN_DECLINED);
    }

    @Test
    void aFailureThatMayPassIsRetriedByALaterSweepAfterTheLease() {
      world.handle(world.requestsToJoin(GROUP, ALICE));
      world.clock.advance(DAY);
      world.telegram.failNext(
          "declineChatJoinRequest",
          new TransientBotApiException(
              "declineChatJoinRequest", "502 Bad Gateway", java.util.OptionalInt.of(502), null));

      List<String> failed = sweep();
      sweep(); // within the lease: nobody tries
      world.clock.advance(JoinRequestSweep.LEASE);
      sweep();

      assertThat(failed).anyMatch(l -> l.startsWith("join request sweep failed"));
      assertThat(calls("declineChatJoinRequest")).isEqualTo(2);
      assertThat(held(ALICE)).isEmpty();
      assertThat(audit()).contains(AuditEntry.Action.JOIN_DECLINED);
    }

    @Test
    void aRequestThatCannotBeCheckedWaitsThenIsGivenUpADayAfterItsExpiry() {
      world.handle(world.requestsToJoin(GROUP, ALICE));
      world.clock.advance(DAY);
      world.telegram.failAlways(
          "getChatMember",
          CHANNEL.id(),
          new TransientBotApiException(
              "getChatMember", "502 Bad Gateway", java.util.OptionalInt.of(502), null));

      sweep();
      assertThat(held(ALICE)).isPresent();

      world.clock.advance(JoinRequestSweep.GIVE_UP.plusSeconds(1));
      sweep();

      assertThat(held(ALICE)).isEmpty();
      assertThat(calls("declineChatJoinRequest")).isZero();
    }

    @Test
    void aGroupNoLongerProtectedLeavesTheRequestToItsAdmins() {
      world.handle(world.requestsToJoin(GROUP, ALICE));
      world.repos.groups().disable(GROUP.groupId(), world.clock.instant());
      world.clock.advance(DAY);

      sweep();

      assertThat(calls("declineChatJoinRequest")).isZero();
      assertThat(held(ALICE)).isEmpty();
    }

    @Test
    void twoInstancesNeverDeclineOneRequestTwice() {
      Guard other = world.anotherInstance();
      world.handle(world.requestsToJoin(GROUP, ALICE));
      world.handle(world.requestsToJoin(GROUP, BOB));
      world.clock.advance(DAY);
      List<String> otherEffects = new ArrayList<>();
      // The other instance sweeps while this one is in the middle of its first decline.
      world.telegram.beforeEachCall(
          c -> {
            if (c.method().equals("declineChatJoinRequest") && otherEffects.isEmpty()) {
              otherEffects.add("swept");
              otherEffects.addAll(other.sweepPrompts());
            }
          });

      sweep();

      assertThat(calls("declineChatJoinRequest")).isEqualTo(2);
      assertThat(world.telegram.calls("declineChatJoinRequest"))
          .extracting(c -> c.user().orElseThrow())
          .containsExactlyInAnyOrder(ALICE.id(), BOB.id());
      assertThat(otherEffects).first().isEqualTo("swept");
      assertThat(otherEffects).noneMatch(l -> l.startsWith("declined"));
      assertThat(world.repos.joinRequests().count()).isZero();
    }
  }
}
