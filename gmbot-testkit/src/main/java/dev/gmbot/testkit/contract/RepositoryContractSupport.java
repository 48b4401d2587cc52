package dev.gmbot.testkit.contract;

import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.Owner;
import dev.gmbot.port.model.UserId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every repository contract needs: a fresh, empty store per test, and a store whose backing
 * storage is down. Instants are whole milliseconds (every store keeps at least microseconds).
 */
public abstract class RepositoryContractSupport {
  protected static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");

  /** The store under test; {@link #newStore()} is called before each test. */
  protected RepositoryStore store;

  /** A fresh, empty store (all repositories share it). */
  protected abstract RepositoryStore newStore();

  /**
   * A store whose storage cannot be reached (a closed pool, a switched-off fake): every operation
   * must fail with {@link dev.gmbot.port.out.StorageUnavailableException}.
   */
  protected abstract RepositoryStore newUnavailableStore();

  @BeforeEach
  final void openStore() {
    store = newStore();
  }

  protected static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  protected static GroupId group(long n) {
    return GroupId.of(-1_001_000_000_000L - n);
  }

  protected static ChannelId channelId(long n) {
    return ChannelId.of(-1_002_000_000_000L - n);
  }

  protected static UserId user(long n) {
    return UserId.of(n);
  }

  protected static EnforcedChannel channel(long n) {
    return new EnforcedChannel(
        channelId(n),
        "Channel " + n,
        Optional.of("channel_" + n),
        Optional.of("https://t.me/+invite" + n));
  }

  protected static Owner owner(long n) {
    return new Owner(UserId.of(n), Optional.of("owner_" + n), false);
  }
}
