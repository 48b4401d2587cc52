package dev.gmbot.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The member cache's key: one hash per key, whatever runs of ids a bot's groups and users form. */
class WriteBehindMemberKeyTest {

  @Test
  void theSameUsersInManyGroupsSpreadOverDistinctHashes() {
    // 100 groups with consecutive ids and the same 2,000 users in each: the record's own
    // 31 * group + user gives these 200,000 keys about 5,000 hashes.
    Set<Integer> hashes = new HashSet<>();
    for (long group = -1001; group > -1101; group--) {
      for (long user = 1_000_000; user < 1_002_000; user++) {
        hashes.add(new WriteBehindMemberRepository.Key(group, user).hashCode());
      }
    }

    assertThat(hashes).hasSizeGreaterThan(199_900);
  }

  @Test
  void equalKeysHaveEqualHashesAndTheIdsDoNotCommute() {
    var key = new WriteBehindMemberRepository.Key(-1001234567890L, 42L);

    assertThat(key)
        .isEqualTo(new WriteBehindMemberRepository.Key(-1001234567890L, 42L))
        .hasSameHashCodeAs(new WriteBehindMemberRepository.Key(-1001234567890L, 42L))
        .isNotEqualTo(new WriteBehindMemberRepository.Key(42L, -1001234567890L));
  }
}
