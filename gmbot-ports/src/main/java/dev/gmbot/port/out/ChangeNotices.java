package dev.gmbot.port.out;

import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.UserId;
import java.util.Objects;

/**
 * Notices between the instances that serve one bot: "this group's configuration changed", "this
 * member's restriction changed". An instance that caches group configuration or member state in
 * process announces its own changes and drops an entry when another instance announces one.
 *
 * <p>Delivery is best effort and fast (milliseconds; the guard promises a change in force on every
 * instance within one second). A listener is told when notices may be lost ({@link
 * Listener#interrupted}: it must stop serving from its cache) and when they flow again ({@link
 * Listener#resumed}: what was announced meanwhile is lost, so it forgets everything first).
 */
public interface ChangeNotices {
  /** One instance: nobody to tell, nothing to hear; never interrupted. */
  ChangeNotices NONE =
      new ChangeNotices() {
        @Override
        public void announce(Change change) {
          Objects.requireNonNull(change, "change");
        }

        @Override
        public void listen(Listener listener) {
          Objects.requireNonNull(listener, "listener");
        }
      };

  /** What changed. */
  sealed interface Change permits GroupChanged, MemberChanged {}

  /** The group's channels, settings, pause state or existence changed. */
  record GroupChanged(GroupId group) implements Change {
    public GroupChanged {
      Objects.requireNonNull(group, "group");
    }
  }

  /** The member's restriction state changed, or the member was removed. */
  record MemberChanged(GroupId group, UserId user) implements Change {
    public MemberChanged {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(user, "user");
    }
  }

  /** Hears the other instances. Called on the notices' own thread: keep it short. */
  interface Listener {
    void changed(Change change);

    /** Notices may be lost from now on: stop serving from the cache. */
    void interrupted();

    /** Notices flow again; those announced meanwhile are lost: forget everything, then serve. */
    void resumed();
  }

  /** Tells the other instances (not this one). Never throws: a notice that cannot go is dropped. */
  void announce(Change change);

  /**
   * Starts telling the listener; when notices are not flowing now, it hears interrupted() first.
   */
  void listen(Listener listener);
}
