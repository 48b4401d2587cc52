package dev.gmbot.adapter.postgres;

import dev.gmbot.port.out.ChangeNotices;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Change notices that also tell this instance's own listeners what it announces: the group cache's
 * changes reach the member cache of the same process (a migration moves the members), while the
 * notices between instances skip their sender.
 */
final class EchoingNotices implements ChangeNotices {
  private final ChangeNotices others;
  private final List<Listener> local = new CopyOnWriteArrayList<>();

  EchoingNotices(ChangeNotices others) {
    this.others = Objects.requireNonNull(others, "others");
  }

  @Override
  public void announce(Change change) {
    others.announce(change);
    local.forEach(l -> l.changed(change));
  }

  @Override
  public void listen(Listener listener) {
    local.add(listener);
    others.listen(listener);
  }
}
