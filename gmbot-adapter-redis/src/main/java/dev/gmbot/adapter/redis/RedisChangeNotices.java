package dev.gmbot.adapter.redis;

import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.ChangeNotices;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisException;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.net.SocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ChangeNotices} on Redis publish/subscribe, channel {@code {prefix}changes}: a message is
 * {@code <instance> g <group>} or {@code <instance> m <group> <user>}; an instance skips its own.
 * The Redis adapter's own caches add two more for {@link ClearedSenders}: {@code <instance> u
 * <user>} (the user's membership answers were written) and {@code <instance> a <group>} (the
 * group's administrator list was). Announcing needs no subscription; the subscription starts with
 * {@link #start} ({@link SharedState#changeNotices()} calls it) and has its own connection (a
 * subscribed connection takes no other commands), opened in the background and re-subscribed by
 * Lettuce after a reconnect. Listeners hear {@code interrupted} when that connection drops (and
 * until the first subscription is confirmed) and {@code resumed} each time the subscription is
 * confirmed again. Announcements go on the shared connection, not waited for.
 */
final class RedisChangeNotices implements ChangeNotices, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RedisChangeNotices.class);

  private final RedisLink link;
  private final ClearedSenders cleared;
  private final String channel;
  private final String instance = UUID.randomUUID().toString();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private volatile StatefulRedisPubSubConnection<String, String> subscription;
  private volatile boolean live;
  private volatile boolean closed;
  private boolean started;

  /**
   * @param cleared told what other instances wrote, and whether notices flow, once started
   */
  RedisChangeNotices(RedisLink link, ClearedSenders cleared) {
    this.link = link;
    this.cleared = cleared;
    this.channel = link.config().keyPrefix() + "changes";
    link.client()
        .addListener(
            new RedisConnectionStateListener() {
              @Override
              public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
                if (connection == subscription) {
                  interrupted();
                }
              }

              @Override
              public void onRedisConnected(
                  RedisChannelHandler<?, ?> connection, SocketAddress address) {
                // resumed only once the subscription is confirmed (subscribed below)
              }
            });
  }

  /** Starts the subscription in the background, once; later calls do nothing. */
  synchronized void start() {
    if (!started) {
      started = true;
      subscribe();
    }
  }

  private void subscribe() {
    if (closed) {
      return;
    }
    link.client()
        .connectPubSubAsync(StringCodec.UTF8, link.uri())
        .whenComplete(
            (connection, failure) -> {
              if (failure != null || closed) {
                if (connection != null) {
                  connection.closeAsync();
                }
                if (!closed) {
                  long delay = link.config().reconnectDelay().toMillis();
                  link.resources()
                      .eventExecutorGroup()
                      .schedule(this::subscribe, delay, TimeUnit.MILLISECONDS);
                }
                return;
              }
              connection.addListener(
                  new RedisPubSubAdapter<>() {
                    @Override
                    public void subscribed(String subscribedChannel, long count) {
                      if (channel.equals(subscribedChannel)) {
                        resumed();
                      }
                    }

                    @Override
                    public void message(String fromChannel, String message) {
                      if (channel.equals(fromChannel)) {
                        deliver(message);
                      }
                    }
                  });
              subscription = connection;
              connection.async().subscribe(channel);
            });
  }

  @Override
  public void announce(Change change) {
    Objects.requireNonNull(change, "change");
    publish(
        switch (change) {
          case GroupChanged g -> instance + " g " + g.group().value();
          case MemberChanged m -> instance + " m " + m.group().value() + " " + m.user().value();
        });
  }

  /** Tells the other instances that the user's membership answers were written. */
  void announceMemberships(UserId user) {
    publish(instance + " u " + user.value());
  }

  /** Tells the other instances that the group's administrator list was written. */
  void announceAdministrators(GroupId group) {
    publish(instance + " a " + group.value());
  }

  private void publish(String message) {
    try {
      link.asyncCommands()
          .publish(channel, message)
          .whenComplete(
              (receivers, failure) -> {
                if (failure != null) {
                  LOG.debug("A change notice was not sent: {}", failure.toString());
                }
              });
    } catch (RedisException e) {
      LOG.debug("A change notice was not sent: {}", e.toString());
    }
  }

  @Override
  public void listen(Listener listener) {
    Objects.requireNonNull(listener, "listener");
    listeners.add(listener);
    if (!live) {
      listener.interrupted();
    }
  }

  /** True while the subscription is confirmed. */
  boolean live() {
    return live;
  }

  private void deliver(String message) {
    if (forgets(message)) {
      return;
    }
    parse(message)
        .ifPresent(change -> listeners.forEach(listener -> safely(() -> listener.changed(change))));
  }

  /** The change a message tells, empty for this instance's own messages or malformed ones. */
  Optional<Change> parse(String message) {
    String[] parts = message.split(" ");
    if (parts.length < 3 || parts[0].equals(instance)) {
      return Optional.empty();
    }
    try {
      GroupId group = GroupId.of(Long.parseLong(parts[2]));
      return switch (parts[1]) {
        case "g" -> Optional.of(new GroupChanged(group));
        case "m" ->
            parts.length == 4
                ? Optional.of(new MemberChanged(group, UserId.of(Long.parseLong(parts[3]))))
                : Optional.empty();
        default -> Optional.empty();
      };
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Tells {@link ClearedSenders} of a {@code u} or {@code a} message of another instance; false for
   * any other message.
   */
  boolean forgets(String message) {
    String[] parts = message.split(" ");
    if (parts.length != 3 || !(parts[1].equals("u") || parts[1].equals("a"))) {
      return false;
    }
    if (parts[0].equals(instance)) {
      return true;
    }
    try {
      long id = Long.parseLong(parts[2]);
      if (parts[1].equals("u")) {
        cleared.forget(UserId.of(id));
      } else {
        cleared.forget(GroupId.of(id));
      }
    } catch (IllegalArgumentException e) {
      LOG.debug("A malformed change notice was ignored: {}", message);
    }
    return true;
  }

  private void interrupted() {
    cleared.noticesInterrupted();
    if (live) {
      live = false;
      LOG.warn("Change notices interrupted: in-process caches are bypassed until they resume");
    }
    listeners.forEach(listener -> safely(listener::interrupted));
  }

  private void resumed() {
    boolean wasLive = live;
    cleared.noticesResumed();
    listeners.forEach(listener -> safely(listener::resumed));
    live = true;
    if (!wasLive) {
      LOG.info("Change notices flow on {}", channel);
    }
  }

  private static void safely(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.warn("A change-notice listener failed", e);
    }
  }

  @Override
  public void close() {
    closed = true;
    StatefulRedisPubSubConnection<String, String> c = subscription;
    subscription = null;
    if (c != null) {
      c.close();
    }
  }
}
