package dev.gmbot.adapter.postgres;

import static dev.gmbot.adapter.postgres.Sql.utc;

import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.GroupMember;
import dev.gmbot.port.model.IdPairHash;
import dev.gmbot.port.model.MemberCounts;
import dev.gmbot.port.model.RestrictionState;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.ChangeNotices;
import dev.gmbot.port.out.ChangeNotices.GroupChanged;
import dev.gmbot.port.out.ChangeNotices.MemberChanged;
import dev.gmbot.port.out.MemberRepository;
import dev.gmbot.port.out.NonBlocking;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Update;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link MemberRepository} for the per-update path: {@link #find} is answered from memory, and
 * {@link #recordActivity} is written behind — kept in memory and written in batches, one statement
 * per flush (a {@code MERGE} of every member seen since the last one), every {@code interval} and
 * on {@link #close()} (nothing is lost on a graceful stop; at most one interval of last-seen times
 * on a crash, which only the "last seen" column and new FREE rows would miss).
 *
 * <p>Reads see the unflushed activity. Restriction changes and removals are written through at once
 * (they are rare and must be durable), serialized with a running flush so that a flush never brings
 * back a removed member, and announced to the other instances as {@link MemberChanged}, on which
 * they drop their cached entry. Obtain one from {@link Database#writeBehindMembers}.
 */
public final class WriteBehindMemberRepository implements MemberRepository, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WriteBehindMemberRepository.class);

  /** Default time between flushes. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(3);

  /** Default time a cached member is trusted without any notice. */
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(10);

  /**
   * Default bound of cached members, and of members whose activity waits for a flush (past it,
   * while the database keeps failing, activity is written, or fails, at once).
   */
  public static final int DEFAULT_MAX_ENTRIES = 500_000;

  /** Rows per statement: a flush bigger than this takes several (4 parameters a row). */
  static final int ROWS_PER_STATEMENT = 1_000;

  record Key(long group, long user) {
    static Key of(GroupId group, UserId user) {
      return new Key(group.value(), user.value());
    }

    /** Not the record's {@code 31 * group + user}: see {@link IdPairHash}. */
    @Override
    public int hashCode() {
      return IdPairHash.of(group, user);
    }
  }

  private final JdbiMemberRepository database;
  private final Jdbi jdbi;
  private final ChangeNotices notices;
  private final NoticedCache<Key, Optional<GroupMember>> members;

  /** Unwritten activity: the first and the last time seen since the last flush. */
  private record Seen(Instant first, Instant last) {
    Seen and(Seen other) {
      return new Seen(
          first.isBefore(other.first) ? first : other.first,
          last.isAfter(other.last) ? last : other.last);
    }
  }

  private final ConcurrentHashMap<Key, Seen> pending = new ConcurrentHashMap<>();
  private final ReentrantLock writes = new ReentrantLock();
  private final ScheduledExecutorService flusher;
  private final int maxPending;
  private volatile boolean closed;
  private volatile boolean failing;

  WriteBehindMemberRepository(
      JdbiMemberRepository database,
      Jdbi jdbi,
      ChangeNotices notices,
      Clock clock,
      Duration interval,
      Duration ttl,
      int maxEntries) {
    this.database = Objects.requireNonNull(database, "database");
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.notices = Objects.requireNonNull(notices, "notices");
    this.members = new NoticedCache<>(clock, ttl, maxEntries);
    this.maxPending = maxEntries;
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("the flush interval must be positive, got " + interval);
    }
    notices.listen(
        new ChangeNotices.Listener() {
          @Override
          public void changed(ChangeNotices.Change change) {
            switch (change) {
              case MemberChanged m -> members.invalidate(Key.of(m.group(), m.user()));
              case GroupChanged g -> members.invalidateIf(k -> k.group() == g.group().value());
            }
          }

          @Override
          public void interrupted() {
            members.suspend();
          }

          @Override
          public void resumed() {
            members.resume();
          }
        });
    this.flusher =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("gmbot-activity-flush").factory());
    long millis = interval.toMillis();
    flusher.scheduleWithFixedDelay(this::flushQuietly, millis, millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public Optional<GroupMember> find(GroupId group, UserId user) {
    Key key = Key.of(group, user);
    Optional<GroupMember> member = members.get(key, k -> database.find(group, user));
    Seen seen = pending.get(key);
    return seen == null ? member : Optional.of(seenAt(member, group, user, seen));
  }

  @Override
  public void recordActivity(GroupId group, UserId user, Instant at) {
    Objects.requireNonNull(at, "at");
    if (closed || pending.size() >= maxPending) {
      // Closed, or the database has been failing for long: written (or failing) at once.
      database.recordActivity(group, user, at);
      return;
    }
    Key key = Key.of(group, user);
    Seen seen = new Seen(at, at);
    pending.merge(key, seen, Seen::and);
    members.update(key, m -> Optional.of(seenAt(m, group, user, seen)));
  }

  @Override
  public void setRestriction(GroupId group, UserId user, RestrictionState state, Instant at) {
    NonBlocking.check("the database (a member's restriction)"); // before the flush's lock
    Key key = Key.of(group, user);
    writes.lock();
    try {
      // Its unwritten activity first, so the row looks exactly as if nothing had been deferred.
      Seen seen = pending.get(key);
      if (seen != null) {
        database.recordActivity(group, user, seen.first());
        database.recordActivity(group, user, seen.last());
        pending.remove(key, seen);
      }
      database.setRestriction(group, user, state, at);
      members.invalidate(key);
    } finally {
      writes.unlock();
    }
    notices.announce(new MemberChanged(group, user));
  }

  @Override
  public void remove(GroupId group, UserId user) {
    NonBlocking.check("the database (a member's removal)"); // before the flush's lock
    Key key = Key.of(group, user);
    writes.lock();
    try {
      pending.remove(key);
      database.remove(group, user);
      members.put(key, Optional.empty());
    } finally {
      writes.unlock();
    }
    notices.announce(new MemberChanged(group, user));
  }

  @Override
  public List<GroupMember> findInGroups(UserId user, Collection<GroupId> groups) {
    Map<Long, GroupMember> found = new LinkedHashMap<>();
    for (GroupMember m : database.findInGroups(user, groups)) {
      found.put(m.group().value(), m);
    }
    Set<GroupId> distinct = new HashSet<>(groups);
    for (GroupId group : distinct) {
      Seen seen = pending.get(Key.of(group, user));
      if (seen != null) {
        found.put(
            group.value(),
            seenAt(Optional.ofNullable(found.get(group.value())), group, user, seen));
      }
    }
    List<GroupMember> out = new ArrayList<>(found.values());
    out.sort((a, b) -> Long.compare(a.group().value(), b.group().value()));
    return out;
  }

  @Override
  public List<UserId> restricted(GroupId group, int limit) {
    return database.restricted(group, limit);
  }

  @Override
  public MemberCounts counts(GroupId group) {
    flush(); // counts new members too (an admin command: rare)
    return database.counts(group);
  }

  /**
   * Writes the activity recorded so far: one statement per {@value #ROWS_PER_STATEMENT} members.
   *
   * @return the number of members written
   * @throws dev.gmbot.port.out.StorageUnavailableException when the database fails (the activity
   *     stays pending and is written by the next flush)
   */
  public int flush() {
    writes.lock();
    try {
      if (pending.isEmpty()) {
        return 0;
      }
      List<Map.Entry<Key, Seen>> batch = List.copyOf(pending.entrySet());
      for (int from = 0; from < batch.size(); from += ROWS_PER_STATEMENT) {
        List<Map.Entry<Key, Seen>> rows =
            batch.subList(from, Math.min(batch.size(), from + ROWS_PER_STATEMENT));
        Sql.txRun(
            jdbi, "flush member activity", h -> merge(h.createUpdate(sql(rows.size())), rows));
        rows.forEach(e -> pending.remove(e.getKey(), e.getValue()));
      }
      return batch.size();
    } finally {
      writes.unlock();
    }
  }

  /** Members whose activity is not written yet. */
  public int pending() {
    return pending.size();
  }

  /** Stops the periodic flush and writes what is pending; later activity is written at once. */
  @Override
  public void close() {
    closed = true;
    flusher.shutdown();
    try {
      flusher.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    flush();
  }

  private void flushQuietly() {
    try {
      flush();
      if (failing) {
        failing = false;
        LOG.info("Member activity is written again ({} pending)", pending.size());
      }
    } catch (RuntimeException e) {
      if (!failing) {
        failing = true;
        LOG.warn(
            "Writing member activity failed ({}); {} members stay pending and are retried",
            e.getMessage(),
            pending.size());
      }
    }
  }

  private static void merge(Update update, List<Map.Entry<Key, Seen>> rows) {
    int i = 0;
    for (Map.Entry<Key, Seen> row : rows) {
      update.bind(i++, row.getKey().group());
      update.bind(i++, row.getKey().user());
      update.bind(i++, utc(row.getValue().first()));
      update.bind(i++, utc(row.getValue().last()));
    }
    update.execute();
  }

  /**
   * One MERGE for PostgreSQL (15+) and H2, with the effect of {@link
   * JdbiMemberRepository#recordActivity} for every row: a known member's last_seen moves forward,
   * an unknown one is created FREE.
   */
  static String sql(int rows) {
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < rows; i++) {
      values.append(i == 0 ? "" : ", ");
      values.append(
          "(CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS TIMESTAMP WITH TIME ZONE),"
              + " CAST(? AS TIMESTAMP WITH TIME ZONE))");
    }
    return "MERGE INTO group_members m USING (VALUES "
        + values
        + ") AS s (group_id, user_id, first_seen, seen) ON m.group_id = s.group_id AND m.user_id"
        + " = s.user_id WHEN MATCHED AND m.last_seen < s.seen THEN UPDATE SET last_seen = s.seen"
        + " WHEN NOT MATCHED THEN INSERT (group_id, user_id, last_seen, restriction, changed_at)"
        + " VALUES (s.group_id, s.user_id, s.seen, 'FREE', s.first_seen)";
  }

  /** The member as the database will have it once the activity is written. */
  private static GroupMember seenAt(
      Optional<GroupMember> member, GroupId group, UserId user, Seen seen) {
    if (member.isEmpty()) {
      return new GroupMember(group, user, seen.last(), RestrictionState.FREE, seen.first());
    }
    GroupMember m = member.get();
    return m.lastSeen().isBefore(seen.last())
        ? new GroupMember(m.group(), m.user(), seen.last(), m.restriction(), m.changedAt())
        : m;
  }

  /** Cached members (known and unknown), for tests and memory estimates. */
  int cachedMembers() {
    return members.size();
  }
}
