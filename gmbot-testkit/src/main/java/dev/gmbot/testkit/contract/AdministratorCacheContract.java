package dev.gmbot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.AdministratorCache;
import dev.gmbot.testkit.fake.MutableClock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link AdministratorCache} does. */
public abstract class AdministratorCacheContract {
  protected static final GroupId GROUP = GroupId.of(-1002000000001L);
  protected static final GroupId OTHER = GroupId.of(-1002000000002L);
  protected static final Duration LONG = Duration.ofHours(1);

  protected final MutableClock clock = MutableClock.atEpochOfTests();
  private AdministratorCache cache;

  protected abstract AdministratorCache createCache(MutableClock clock);

  @BeforeEach
  void setUpCache() {
    cache = createCache(clock);
  }

  @Test
  void answersNotCachedForAnUnknownGroup() {
    assertThat(cache.get(GROUP)).isEmpty();
  }

  @Test
  void keepsTheAdministratorsOfEachGroup() {
    cache.put(GROUP, Set.of(UserId.of(1), UserId.of(22), UserId.of(7_000_000_001L)), LONG);
    cache.put(OTHER, Set.of(UserId.of(5)), LONG);

    assertThat(cache.get(GROUP))
        .contains(Set.of(UserId.of(1), UserId.of(22), UserId.of(7_000_000_001L)));
    assertThat(cache.get(OTHER)).contains(Set.of(UserId.of(5)));
  }

  @Test
  void anEmptyListIsCachedAndNotAMiss() {
    cache.put(GROUP, Set.of(), LONG);

    assertThat(cache.get(GROUP)).contains(Set.of());
  }

  @Test
  void aLaterListReplacesAnEarlierOne() {
    cache.put(GROUP, Set.of(UserId.of(1), UserId.of(2)), LONG);
    cache.put(GROUP, Set.of(UserId.of(3)), LONG);

    assertThat(cache.get(GROUP)).contains(Set.of(UserId.of(3)));
  }

  @Test
  void invalidateForgetsOneGroup() {
    cache.put(GROUP, Set.of(UserId.of(1)), LONG);
    cache.put(OTHER, Set.of(UserId.of(2)), LONG);

    cache.invalidate(GROUP);

    assertThat(cache.get(GROUP)).isEmpty();
    assertThat(cache.get(OTHER)).contains(Set.of(UserId.of(2)));
  }

  @Test
  void aListExpiresAfterItsTtl() {
    Duration shortTtl = Duration.ofMillis(300);
    cache.put(GROUP, Set.of(UserId.of(1)), shortTtl);
    cache.put(OTHER, Set.of(UserId.of(2)), LONG);

    Elapse.past(clock, shortTtl, () -> cache.get(GROUP).isEmpty());

    assertThat(cache.get(OTHER)).contains(Set.of(UserId.of(2)));
  }
}
