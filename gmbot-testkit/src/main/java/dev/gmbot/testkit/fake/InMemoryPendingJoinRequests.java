package dev.gmbot.testkit.fake;

import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.PendingJoinRequest;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.PendingJoinRequests;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link PendingJoinRequests} in memory, with the same contract (claims and leases) as the
 * database's.
 */
public final class InMemoryPendingJoinRequests implements PendingJoinRequests {
  private record Key(GroupId group, UserId user) {}

  private record Row(PendingJoinRequest request, Instant leaseUntil) {}

  private final Map<Key, Row> rows = new HashMap<>();

  @Override
  public synchronized void save(PendingJoinRequest request) {
    rows.put(new Key(request.group(), request.user()), new Row(request, null));
  }

  @Override
  public synchronized boolean remove(GroupId group, UserId user) {
    return rows.remove(new Key(group, user)) != null;
  }

  @Override
  public synchronized List<PendingJoinRequest> ofUser(UserId user, Collection<GroupId> groups) {
    Set<GroupId> wanted = Set.copyOf(groups);
    return rows.values().stream()
        .map(Row::request)
        .filter(r -> r.user().equals(user) && wanted.contains(r.group()))
        .sorted(Comparator.comparing(PendingJoinRequest::requestedAt))
        .toList();
  }

  @Override
  public synchronized List<PendingJoinRequest> claimExpired(
      Instant now, Duration lease, int limit) {
    List<Row> due = new ArrayList<>();
    for (Row r : rows.values()) {
      if (!r.request().expiresAt().isAfter(now)
          && (r.leaseUntil() == null || !r.leaseUntil().isAfter(now))) {
        due.add(r);
      }
    }
    due.sort(Comparator.comparing(r -> r.request().expiresAt()));
    List<PendingJoinRequest> claimed = new ArrayList<>();
    for (Row r : due.subList(0, Math.min(Math.max(0, limit), due.size()))) {
      PendingJoinRequest request = r.request();
      rows.put(new Key(request.group(), request.user()), new Row(request, now.plus(lease)));
      claimed.add(request);
    }
    return claimed;
  }

  @Override
  public synchronized Optional<PendingJoinRequest> find(GroupId group, UserId user) {
    return Optional.ofNullable(rows.get(new Key(group, user))).map(Row::request);
  }

  @Override
  public synchronized long count() {
    return rows.size();
  }
}
