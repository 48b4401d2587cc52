package dev.gmbot.adapter.postgres;

import dev.gmbot.port.out.ChangeNotices;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Change notices between instances of one test, delivered at once (the Redis implementation is
 * tested in gmbot-adapter-redis): each {@link #instance()} hears what the others announce.
 */
final class NoticeBus {
  private final List<Member> members = new CopyOnWriteArrayList<>();

  ChangeNotices instance() {
    Member member = new Member();
    members.add(member);
    return member;
  }

  void interruptAll() {
    members.forEach(m -> m.listeners.forEach(ChangeNotices.Listener::interrupted));
  }

  void resumeAll() {
    members.forEach(m -> m.listeners.forEach(ChangeNotices.Listener::resumed));
  }

  private final class Member implements ChangeNotices {
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void announce(Change change) {
      for (Member other : members) {
        if (other != this) {
          other.listeners.forEach(l -> l.changed(change));
        }
      }
    }

    @Override
    public void listen(Listener listener) {
      listeners.add(listener);
    }
  }
}
