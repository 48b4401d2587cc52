package dev.gmbot.testkit.fake;

import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.MemberDeadline;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.MemberDeadlines;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link MemberDeadlines} in memory, with the same contract (claims and leases) as the database's.
 */
public final class InMemoryMemberDeadlines implements MemberDeadlines {
  private record Key(GroupId group, UserId user, MemberDeadline.Kind kind) {}

  private record Row(MemberDeadline deadline, Instant leaseUntil) {}

  private final Map<Key, Row> rows = new HashMap<>();

  private static Key key(MemberDeadline d) {
    return new Key(d.group(), d.user(), d.kind());
  }

  @Override
  public synchronized void setIfAbsent(MemberDeadline deadline) {
    rows.putIfAbsent(key(deadline), new Row(deadline, null));
  }

  @Override
  public synchronized void clear(GroupId group, UserId user, MemberDeadline.Kind kind) {
    rows.remove(new Key(group, user, kind));
  }

  @Override
  public synchronized void clearAll(GroupId group, UserId user) {
    rows.keySet().removeIf(k -> k.group().equals(group) && k.user().equals(user));
  }

  @Override
  public synchronized List<MemberDeadline> claim(
      MemberDeadline.Kind kind, Instant dueBy, Instant now, Duration lease, int limit) {
    List<Row> due = new ArrayList<>();
    for (Row r : rows.values()) {
      if (r.deadline().kind() == kind
          && !r.deadline().due().isAfter(dueBy)
          && (r.leaseUntil() == null || !r.leaseUntil().isAfter(now))) {
        due.add(r);
      }
    }
    due.sort(Comparator.comparing(r -> r.deadline().due()));
    List<MemberDeadline> claimed = new ArrayList<>();
    for (Row r : due.subList(0, Math.min(Math.max(0, limit), due.size()))) {
      rows.put(key(r.deadline()), new Row(r.deadline(), now.plus(lease)));
      claimed.add(r.deadline());
    }
    return claimed;
  }

  @Override
  public synchronized Optional<MemberDeadline> find(
      GroupId group, UserId user, MemberDeadline.Kind kind) {
    return Optional.ofNullable(rows.get(new Key(group, user, kind))).map(Row::deadline);
  }

  @Override
  public synchronized int count(GroupId group, MemberDeadline.Kind kind) {
    return (int)
        rows.keySet().stream().filter(k -> k.group().equals(group) && k.kind() == kind).count();
  }
}
