package dev.gmbot.adapter.postgres;

import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.GroupSettings;
import dev.gmbot.port.model.Owner;
import dev.gmbot.port.model.PauseReason;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.ChangeNotices;
import dev.gmbot.port.out.ChangeNotices.GroupChanged;
import dev.gmbot.port.out.GroupRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link GroupRepository} that answers the per-update questions from memory: {@link #find} (the
 * group's channels, settings and pause state, parsed once) and {@link #linkedTo} (the groups of a
 * channel). Unknown groups are cached too, so updates from groups the guard ignores cost nothing.
 *
 * <p>Every write goes to the database first, then drops the entry here and announces a {@link
 * GroupChanged} to the other instances, which drop theirs: a change made through any instance is in
 * force on all of them as soon as the notice arrives (milliseconds). Entries expire after a TTL,
 * and while the notices are interrupted every read goes to the database.
 */
public final class CachingGroupRepository implements GroupRepository {
  /** Default time an entry is trusted without any notice. */
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);

  /** Default bound of cached groups (and, separately, of cached channels). */
  public static final int DEFAULT_MAX_ENTRIES = 100_000;

  private final GroupRepository database;
  private final ChangeNotices notices;
  private final NoticedCache<GroupId, Optional<ProtectedGroup>> groups;
  private final NoticedCache<ChannelId, List<GroupId>> channels;

  public CachingGroupRepository(GroupRepository database, ChangeNotices notices, Clock clock) {
    this(database, notices, clock, DEFAULT_TTL, DEFAULT_MAX_ENTRIES);
  }

  public CachingGroupRepository(
      GroupRepository database, ChangeNotices notices, Clock clock, Duration ttl, int maxEntries) {
    this.database = Objects.requireNonNull(database, "database");
    this.notices = Objects.requireNonNull(notices, "notices");
    this.groups = new NoticedCache<>(clock, ttl, maxEntries);
    this.channels = new NoticedCache<>(clock, ttl, maxEntries);
    notices.listen(
        new ChangeNotices.Listener() {
          @Override
          public void changed(ChangeNotices.Change change) {
            if (change instanceof GroupChanged g) {
              forget(g.group());
            }
          }

          @Override
          public void interrupted() {
            groups.suspend();
            channels.suspend();
          }

          @Override
          public void resumed() {
            groups.resume();
            channels.resume();
          }
        });
  }

  @Override
  public Optional<ProtectedGroup> find(GroupId group) {
    return groups.get(group, database::find);
  }

  @Override
  public List<GroupId> linkedTo(ChannelId channel) {
    return channels.get(channel, database::linkedTo);
  }

  @Override
  public ProtectedGroup protect(
      GroupId group, String title, Owner owner, List<EnforcedChannel> channels, Instant now) {
    try {
      return database.protect(group, title, owner, channels, now);
    } finally {
      changed(group);
    }
  }

  @Override
  public Optional<ProtectedGroup> unlink(GroupId group, Set<ChannelId> channels, Instant now) {
    try {
      return database.unlink(group, channels, now);
    } finally {
      changed(group);
    }
  }

  @Override
  public Optional<ProtectedGroup> disable(GroupId group, Instant now) {
    try {
      return database.disable(group, now);
    } finally {
      changed(group);
    }
  }

  @Override
  public void pause(GroupId group, PauseReason reason, Instant now) {
    try {
      database.pause(group, reason, now);
    } finally {
      changed(group);
    }
  }

  @Override
  public void resume(GroupId group, Instant now) {
    try {
      database.resume(group, now);
    } finally {
      changed(group);
    }
  }

  @Override
  public void updateSettings(GroupId group, GroupSettings settings, Instant now) {
    try {
      database.updateSettings(group, settings, now);
    } finally {
      changed(group);
    }
  }

  @Override
  public void migrate(GroupId from, GroupId to, Instant now) {
    try {
      database.migrate(from, to, now);
    } finally {
      changed(from);
      changed(to);
    }
  }

  @Override
  public List<ProtectedGroup> ownedBy(UserId owner) {
    return database.ownedBy(owner);
  }

  @Override
  public long countActive() {
    return database.countActive();
  }

  @Override
  public Map<PauseReason.Kind, Long> countPaused() {
    return database.countPaused();
  }

  /** A write of this instance (done, or failed half-way: the cache cannot know which). */
  private void changed(GroupId group) {
    forget(group);
    notices.announce(new GroupChanged(group));
  }

  private void forget(GroupId group) {
    groups.invalidate(group);
    channels.clear(); // which channels a group links is what changed: cheap to reload
  }

  /** Cached groups (known and unknown), for tests and memory estimates. */
  int cachedGroups() {
    return groups.size();
  }
}
