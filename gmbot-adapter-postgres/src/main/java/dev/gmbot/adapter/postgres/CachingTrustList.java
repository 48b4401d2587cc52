package dev.gmbot.adapter.postgres;

import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.TrustedMember;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.ChangeNotices;
import dev.gmbot.port.out.ChangeNotices.GroupChanged;
import dev.gmbot.port.out.TrustList;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link TrustList} that answers {@link #isTrusted} from memory: the group's trusted users, read
 * once per group as one set. A change goes to the database first, then drops the entry here and
 * announces a {@link GroupChanged} (the trust list is part of the group's configuration), on which
 * every other instance drops its entry: a /trust is in force everywhere as soon as the notice
 * arrives. Entries expire after a TTL, and while the notices are interrupted every read goes to the
 * database (ADR 0018).
 */
public final class CachingTrustList implements TrustList {
  private final JdbiTrustList database;
  private final ChangeNotices notices;
  private final NoticedCache<GroupId, Set<UserId>> trusted;

  CachingTrustList(
      JdbiTrustList database, ChangeNotices notices, Clock clock, Duration ttl, int maxEntries) {
    this.database = Objects.requireNonNull(database, "database");
    this.notices = Objects.requireNonNull(notices, "notices");
    this.trusted = new NoticedCache<>(clock, ttl, maxEntries);
    notices.listen(
        new ChangeNotices.Listener() {
          @Override
          public void changed(ChangeNotices.Change change) {
            if (change instanceof GroupChanged g) {
              trusted.invalidate(g.group());
            }
          }

          @Override
          public void interrupted() {
            trusted.suspend();
          }

          @Override
          public void resumed() {
            trusted.resume();
          }
        });
  }

  @Override
  public boolean isTrusted(GroupId group, UserId user) {
    return trusted.get(group, database::trusted).contains(user);
  }

  @Override
  public void trust(TrustedMember member) {
    try {
      database.trust(member);
    } finally {
      changed(member.group());
    }
  }

  @Override
  public boolean untrust(GroupId group, UserId user) {
    try {
      return database.untrust(group, user);
    } finally {
      changed(group);
    }
  }

  @Override
  public List<TrustedMember> list(GroupId group, int limit) {
    return database.list(group, limit);
  }

  @Override
  public int count(GroupId group) {
    return database.count(group);
  }

  private void changed(GroupId group) {
    trusted.invalidate(group);
    notices.announce(new GroupChanged(group));
  }
}
