package dev.gmbot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.MembershipCache;
import dev.gmbot.testkit.fake.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link MembershipCache} does. Expiry may run on the clock or on real time. */
public abstract class MembershipCacheContract {
  protected static final UserId ALICE = UserId.of(1001);
  protected static final UserId BOB = UserId.of(1002);
  protected static final ChannelId NEWS = ChannelId.of(-1001000000001L);
  protected static final ChannelId CHAT = ChannelId.of(-1001000000002L);
  protected static final ChannelId MEMES = ChannelId.of(-1001000000003L);
  protected static final Duration LONG = Duration.ofMinutes(10);

  protected final MutableClock clock = MutableClock.atEpochOfTests();
  private MembershipCache cache;

  /** A cache with no entries, expiring on {@code clock} or on its own time. */
  protected abstract MembershipCache createCache(MutableClock clock);

  @BeforeEach
  void setUpCache() {
    cache = createCache(clock);
  }

  @Test
  void answersNotCachedForAnUnknownKey() {
    assertThat(cache.get(ALICE, NEWS)).isEmpty();
  }

  @Test
  void keepsPositiveAndNegativeAnswers() {
    cache.put(ALICE, NEWS, true, LONG);
    cache.put(ALICE, CHAT, false, LONG);

    assertThat(cache.get(ALICE, NEWS)).contains(true);
    assertThat(cache.get(ALICE, CHAT)).contains(false);
  }

  @Test
  void keysAnswersPerUserAndChannel() {
    cache.put(ALICE, NEWS, true, LONG);

    assertThat(cache.get(BOB, NEWS)).isEmpty();
    assertThat(cache.get(ALICE, CHAT)).isEmpty();
  }

  @Test
  void getAllAnswersOnlyTheCachedChannelsAmongThoseAsked() {
    cache.put(ALICE, NEWS, true, LONG);
    cache.put(ALICE, MEMES, false, LONG);
    cache.put(BOB, CHAT, true, LONG);

    Map<ChannelId, Boolean> found = cache.getAll(ALICE, List.of(NEWS, CHAT, MEMES));

    assertThat(found).containsExactlyInAnyOrderEntriesOf(Map.of(NEWS, true, MEMES, false));
    assertThat(cache.getAll(ALICE, List.of(NEWS))).containsExactlyEntriesOf(Map.of(NEWS, true));
  }

  @Test
  void getAllOfNoChannelsIsEmpty() {
    cache.put(ALICE, NEWS, true, LONG);

    assertThat(cache.getAll(ALICE, List.of())).isEmpty();
  }

  @Test
  void aLaterAnswerReplacesAnEarlierOne() {
    cache.put(ALICE, NEWS, false, LONG);
    cache.put(ALICE, NEWS, true, LONG);

    assertThat(cache.get(ALICE, NEWS)).contains(true);
  }

  @Test
  void invalidateForgetsOneAnswer() {
    cache.put(ALICE, NEWS, true, LONG);
    cache.put(ALICE, CHAT, true, LONG);

    cache.invalidate(ALICE, NEWS);
    cache.invalidate(BOB, MEMES);

    assertThat(cache.get(ALICE, NEWS)).isEmpty();
    assertThat(cache.get(ALICE, CHAT)).contains(true);
  }

  @Test
  void anAnswerExpiresAfterItsOwnTtl() {
    Duration shortTtl = Duration.ofMillis(300);
    cache.put(ALICE, NEWS, false, shortTtl);
    cache.put(ALICE, CHAT, true, LONG);

    Elapse.past(clock, shortTtl, () -> cache.get(ALICE, NEWS).isEmpty());

    assertThat(cache.getAll(ALICE, List.of(NEWS, CHAT)))
        .containsExactlyEntriesOf(Map.of(CHAT, true));
  }

  @Test
  void rejectsATtlThatIsNotPositive() {
    assertThatThrownBy(() -> cache.put(ALICE, NEWS, true, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> cache.put(ALICE, NEWS, true, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
