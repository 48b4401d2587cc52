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

  private final MutableClock clock = MutableClock.atEpochOfTests();
  private final ClearedSenders cleared = new ClearedSenders(clock);

  private void subscribed(UserId user, GroupId group, List<ChannelId> channels) {
    Map<ChannelId, Boolean> answers =
        channels.stream().collect(java.util.stream.Collectors.toMap(c -> c, c -> Boolean.TRUE));
    cleared.remember(
        cleared.stamp(user, group), user, group, channels, answers, Optional.of(false));
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
        Optional.empty());
    cleared.remember(
        cleared.stamp(ALICE, GROUP),
        ALICE,
        GROUP,
        List.of(NEWS, TALK),
        Map.of(NEWS, true, TALK, false),
        Optional.of(false));
    cleared.remember(
        cleared.stamp(BOB, GROUP),
        BOB,
        GROUP,
        List.of(NEWS, TALK),
        Map.of(NEWS, true),
        Optional.of(false));

    assertThat(cleared.find(unknownAdmin, GROUP, List.of(NEWS)))
        .as("administrator list not known")
        .isEmpty();
    assertThat(cleared.find(ALICE, GROUP, List.of(NEWS, TALK))).as("not subscribed").isEmpty();
    assertThat(cleared.find(BOB, GROUP, List.of(NEWS, TALK))).as("one answer missing").isEmpty();
  }

  @Test
  void anAdministratorIsKeptWhateverTheMemberships() {
    cleared.remember(
        cleared.stamp(ALICE, GROUP), ALICE, GROUP, List.of(NEWS), Map.of(), Optional.of(true));

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
    cleared.remember(before, ALICE, GROUP, List.of(NEWS), Map.of(NEWS, true), Optional.of(false));

    assertThat(cleared.find(ALICE, GROUP, List.of(NEWS))).isEmpty();

    ClearedSenders.Stamp groupBefore = cleared.stamp(BOB, GROUP);
    cleared.forget(GROUP); // the administrator list rewritten meanwhile
    cleared.remember(
        groupBefore, BOB, GROUP, List.of(NEWS), Map.of(NEWS, true), Optional.of(false));
    assertThat(cleared.find(BOB, GROUP, List.of(NEWS))).isEmpty();
  }

  @Test
  void anAnswerCountsFromWhenItWasReadNotWhenItWasKept() {
    ClearedSenders.Stamp read = cleared.stamp(ALICE, GROUP);
    clock.advance(ClearedSenders.WINDOW);
    cleared.remember(read, ALICE, GROUP, List.of(NEWS), Map.of(NEWS, true), Optional.of(false));

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
    senders.remember(
        senders.stamp(ALICE, GROUP),
        ALICE,
        GROUP,
        List.of(NEWS),
        Map.of(NEWS, true),
        Optional.of(false));
    millis.addAndGet(-500);

    assertThat(senders.find(ALICE, GROUP, List.of(NEWS))).isEmpty();
  }
}
