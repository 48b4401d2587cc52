package dev.gmbot.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.UserId;
import dev.gmbot.testkit.fake.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClearedSendersTest {
  private static final GroupId GROUP = GroupId.of(-100900);
  private static final GroupId OTHER_GROUP = GroupId.of(-100901);
  private static final UserId ALICE = UserId.of(901);
  private static final UserId BOB = UserId.of(902);
  private static final ChannelId NEWS = ChannelId.of(-1009);
  private static final ChannelId TALK = ChannelId.of(-1010);

  private static final long NO_EXPIRY = -1;

  private final MutableClock clock = MutableClock.atEpochOfTests();
  private final ClearedSenders cleared = new ClearedSenders(clock);

  private void subscribed(UserId user, GroupId group, List<ChannelId> channels) {
    subscribed(cleared, user, group, channels, NO_EXPIRY);
  }

  private void subscribed(UserId user, GroupId group, long ttlMillis) {
    subscribed(cleared, user, group, List.of(NEWS), ttlMillis);
  }

  /** What the gate keeps for a subscribed non-administrator, read now. */
  private static void subscribed(
      ClearedSenders senders,
      UserId user,
      GroupId group,
      List<ChannelId> channels,
      long ttlMillis) {
    Map<ChannelId, Boolean> answers =
        channels.stream().collect(java.util.stream.Collectors.toMap(c -> c, c -> Boolean.TRUE));
    senders.remember(
        senders.stamp(user, group), user, group, channels, answers, Optional.of(false), ttlMillis);
  }

  @Test
  void aSubscribedNonAdministratorIsServedForTheWindowAndNotAfter() {
    subscribed(ALICE, GROUP, List.of(NEWS, TALK));

    assertThat(cleared.find(ALICE, GROUP, List.of(NEWS, TALK)))
        .contains(new ClearedSenders.Answer(Map.of(NEWS, true, TALK, true), Optional.of(false)));
    clock.advance(ClearedSenders.WINDOW.minusMillis(1));
    assertThat(cleared.find(ALICE, GROUP, List.of(NEWS, TALK))).isPresent();
    clock.advance(Duration.ofMillis(1));
    assertThat(cleared.find(ALICE, GROUP, List.of(NEWS, TALK))).isEmpty();
  }

  @Test
  void anAnswerIsForItsGroupItsChannelsAndItsSenderOnly() {
    subscribed(ALICE, GROUP, List.of(NEWS));

    assertThat(cleared.find(ALICE, OTHER_GROUP, List.of(NEWS))).isEmpty();
    assertThat(cleared.find(ALICE, GROUP, List.of(NEWS, TALK))).as("a channel added").isEmpty();
    assertThat(cleared.find(BOB, GROUP, List.of(NEWS))).isEmpty();
  }

  @Test
  void onlyClearingAnswersAreKept() {
    UserId unknownAdmin = UserId.of(903);
    cleared.remember(
        cleared.stamp(unknownAdmin, GROUP),
        unknownAdmin,
        GROUP,
        List.of(NEWS),
        Map.of(NEWS, true),
        Optional.empty(),
        NO_EXPIRY);
    cleared.remember(
        cleared.stamp(ALICE, GROUP),
        ALICE,
        GROUP,
        List.of(NEWS, TALK),
        Map.of(NEWS, true, TALK, false),
        Optional.of(false),
        NO_EXPIRY);
    cleared.remember(
        cleared.stamp(BOB, GROUP),
        BOB,
        GROUP,
        List.of(NEWS, TALK),
        Map.of(NEWS, true),
        Optional.of(false),
        NO_EXPIRY);

    assertThat(cleared.find(unknownAdmin, GROUP, List.of(NEWS)))
        .as("administrator list not known")
        .isEmpty();
    assertThat(cleared.find(ALICE, GROUP, List.of(NEWS, TALK))).as("not subscribed").isEmpty();
    assertThat(cleared.find(BOB, GROUP, List.of(NEWS, TALK))).as("one answer missing").isEmpty();
  }

  @Test
  void anAdministratorIsKeptWhateverTheMemberships() {
    cleared.remember(
        cleared.stamp(ALICE, GROUP),
        ALICE,
        GROUP,
        List.of(NEWS),
        Map.of(),
        Optional.of(true),
        NO_EXPIRY);

    assertThat(cleared.find(ALICE, GROUP, List.of(NEWS)))
        .contains(new ClearedSenders.Answer(Map.of(), Optional.of(true)));
  }

  @Test
  void forgettingTheUserOrTheGroupStopsServingAtOnce() {
    subscribed(ALICE, GROUP, List.of(NEWS));
    subscribed(BOB, OTHER_GROUP, List.of(NEWS));

    cleared.forget(ALICE);
    cleared.forget(OTHER_GROUP);

    assertThat(cleared.find(ALICE, GROUP, List.of(NEWS))).isEmpty();
    assertThat(cleared.find(BOB, OTHER_GROUP, List.of(NEWS))).isEmpty();
    subscribed(ALICE, GROUP, List.of(NEWS));
    assertThat(cleared.find(ALICE, GROUP, List.of(NEWS))).as("read again after").isPresent();
  }

  @Test
  void anAnswerReadBeforeAForgetIsNotServedAfterIt() {
    ClearedSenders.Stamp before = cleared.stamp(ALICE, GROUP);
    cleared.forget(ALICE); // e.g. a channel leave written while the script was on its way
    cleared.remember(
        before, ALICE, GROUP, List.of(NEWS), Map.of(NEWS, true), Optional.of(false), NO_EXPIRY);

    assertThat(cleared.find(ALICE, GROUP, List.of(NEWS))).isEmpty();

    ClearedSenders.Stamp groupBefore = cleared.stamp(BOB, GROUP);
    cleared.forget(GROUP); // the administrator list rewritten meanwhile
    cleared.remember(
        groupBefore, BOB, GROUP, List.of(NEWS), Map.of(NEWS, true), Optional.of(false), NO_EXPIRY);
    assertThat(cleared.find(BOB, GROUP, List.of(NEWS))).isEmpty();
  }

  @Test
  void anAnswerCountsFromWhenItWasReadNotWhenItWasKept() {
    ClearedSenders.Stamp read = cleared.stamp(ALICE, GROUP);
    clock.advance(ClearedSenders.WINDOW);
    cleared.remember(
        read, ALICE, GROUP, List.of(NEWS), Map.of(NEWS, true), Optional.of(false), NO_EXPIRY);

    assertThat(cleared.find(ALICE, GROUP, List.of(NEWS))).isEmpty();
  }

  @Test
  void oldGenerationsAreDroppedWhole() {
    for (int i = 0; i < 1_000; i++) {
      subscribed(UserId.of(10_000 + i), GROUP, List.of(NEWS));
    }
    clock.advance(ClearedSenders.WINDOW.multipliedBy(3));
    subscribed(ALICE, GROUP, List.of(NEWS));

    assertThat(cleared.size()).isEqualTo(1);
    assertThat(cleared.find(ALICE, GROUP, List.of(NEWS))).isPresent();
  }

  @Test
  void aClockThatStepsBackServesNothingReadInItsFuture() {
    java.util.concurrent.atomic.AtomicLong millis =
        new java.util.concurrent.atomic.AtomicLong(10_000);
    java.time.Clock stepping =
        new java.time.Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
          }

          @Override
          public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public java.time.Instant instant() {
            return java.time.Instant.ofEpochMilli(millis.get());
          }
        };
    ClearedSenders senders = new ClearedSenders(stepping);
    subscribed(senders, ALICE, GROUP, List.of(NEWS), NO_EXPIRY);
    millis.addAndGet(-500);

    assertThat(senders.find(ALICE, GROUP, List.of(NEWS))).isEmpty();
  }

  /** The notices resume; a read in the same millisecond may have been sent before. */
  private void noticesFlow() {
    cleared.noticesResumed();
    clock.advance(Duration.ofMillis(1));
  }

  @Test
  void whileNoticesFlowAnAnswerReadSinceIsServedForTheNoticedWindow() {
    subscribed(BOB, GROUP, List.of(NEWS)); // read before the notices flowed
    noticesFlow();
    subscribed(ALICE, GROUP, List.of(NEWS));

    clock.advance(ClearedSenders.WINDOW);
    assertThat(cleared.noticed()).isTrue();
    assertThat(cleared.find(ALICE, GROUP, List.of(NEWS))).isPresent();
    assertThat(cleared.find(BOB, GROUP, List.of(NEWS)))
        .as("read before the notices resumed: what was announced in between is lost")
        .isEmpty();
    clock.advance(ClearedSenders.NOTICED_WINDOW.minus(ClearedSenders.WINDOW).minusMillis(1));
    assertThat(cleared.find(ALICE, GROUP, List.of(NEWS))).isPresent();
    clock.advance(Duration.ofMillis(1));
    assertThat(cleared.find(ALICE, GROUP, List.of(NEWS))).isEmpty();
  }

  @Test
  void aNoticeFromAnotherInstanceStopsServingAtOnce() {
    noticesFlow();
    subscribed(ALICE, GROUP, List.of(NEWS));
    subscribed(BOB, GROUP, List.of(NEWS));
    clock.advance(Duration.ofSeconds(30));

    cleared.forget(ALICE); // "u" notice: Alice's membership answers were written elsewhere
    assertThat(cleared.find(ALICE, GROUP, List.of(NEWS))).isEmpty();
    assertThat(cleared.find(BOB, GROUP, List.of(NEWS))).isPresent();
    cleared.forget(GROUP); // "a" notice: the administrator list was written elsewhere
    assertThat(cleared.find(BOB, GROUP, List.of(NEWS))).isEmpty();
  }

  @Test
  void interruptedNoticesHoldEveryAnswerToTheShortWindowAgain() {
    noticesFlow();
    subscribed(ALICE, GROUP, List.of(NEWS));
    cleared.noticesInterrupted();

    assertThat(cleared.noticed()).isFalse();
    assertThat(cleared.find(ALICE, GROUP, List.of(NEWS))).as("dropped").isEmpty();
    subscribed(ALICE, GROUP, List.of(NEWS));
    assertThat(cleared.find(ALICE, GROUP, List.of(NEWS))).isPresent();
    clock.advance(ClearedSenders.WINDOW);
    assertThat(cleared.find(ALICE, GROUP, List.of(NEWS))).isEmpty();
  }

  @Test
  void anAnswerIsNeverServedPastTheExpiryOfWhatItWasReadFrom() {
    noticesFlow();
    subscribed(ALICE, GROUP, 20_000);
    subscribed(BOB, GROUP, 300);

    clock.advance(Duration.ofMillis(299));
    assertThat(cleared.find(BOB, GROUP, List.of(NEWS))).isPresent();
    clock.advance(Duration.ofMillis(1));
    assertThat(cleared.find(BOB, GROUP, List.of(NEWS)))
        .as("inside the short window, but Redis no longer has it")
        .isEmpty();
    clock.advance(Duration.ofMillis(19_699));
    assertThat(cleared.find(ALICE, GROUP, List.of(NEWS))).isPresent();
    clock.advance(Duration.ofMillis(1));
    assertThat(cleared.find(ALICE, GROUP, List.of(NEWS))).isEmpty();
  }

  @Test
  void aFullGenerationMakesWayForTheNextAndTheOlderIsDropped() {
    ClearedSenders small =
        new ClearedSenders(clock, ClearedSenders.WINDOW, ClearedSenders.NOTICED_WINDOW, 100);
    small.noticesResumed();
    clock.advance(Duration.ofMillis(1));
    for (int i = 0; i < 250; i++) {
      subscribed(small, UserId.of(20_000 + i), GROUP, List.of(NEWS), NO_EXPIRY);
    }

    assertThat(small.size()).isLessThanOrEqualTo(200);
    assertThat(small.find(UserId.of(20_249), GROUP, List.of(NEWS))).as("newest").isPresent();
    assertThat(small.find(UserId.of(20_100), GROUP, List.of(NEWS)))
        .as("in the previous generation")
        .isPresent();
    assertThat(small.find(UserId.of(20_000), GROUP, List.of(NEWS))).as("dropped").isEmpty();
  }

  @Test
  void theSenderInTheGroupIsOneAnswerForEveryGroup() {
    noticesFlow();
    subscribed(ALICE, GROUP, List.of(NEWS));
    subscribed(ALICE, OTHER_GROUP, List.of(NEWS));

    assertThat(cleared.find(ALICE, GROUP, List.of(NEWS))).isPresent();
    assertThat(cleared.find(ALICE, OTHER_GROUP, List.of(NEWS))).isPresent();
    assertThat(cleared.size()).isEqualTo(2);
  }

  @Test
  void keysOfDenseIdsSpreadOverDistinctHashes() {
    java.util.Set<Integer> hashes = new java.util.HashSet<>();
    for (long group = 0; group < 100; group++) {
      for (long user = 0; user < 2_000; user++) {
        hashes.add(new ClearedSenders.Key(1_000_000 + user, -1001 - group).hashCode());
      }
    }
    assertThat(hashes).hasSizeGreaterThan(199_900);
  }
}
