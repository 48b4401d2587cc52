package dev.gmbot.adapter.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.event.command.CommandListener;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One Lettuce connection shared by every component, opened lazily so that a Redis that is down at
 * startup never prevents startup. After the first connection Lettuce reconnects by itself; while it
 * is disconnected commands are rejected at once (no queueing), and every command has a short
 * timeout, so callers fall back quickly.
 */
final class RedisLink implements AutoCloseable {
  private final RedisConfig config;
  private final ClientResources resources;
  private final RedisClient client;
  private final ReentrantLock connecting = new ReentrantLock();
  private final long retryConnectNanos;
  private volatile StatefulRedisConnection<String, String> connection;
  private volatile long nextConnectAttempt = System.nanoTime();
  private volatile boolean closed;

  RedisLink(RedisConfig config) {
    this(config, List.of());
  }

  /** With listeners that see every command (e.g. to count round trips). */
  RedisLink(RedisConfig config, List<CommandListener> listeners) {
    this.config = config;
    this.retryConnectNanos = config.reconnectDelay().toNanos();
    this.resources =
        ClientResources.builder()
            .reconnectDelay(
                Delay.exponential(
                    Duration.ofMillis(20), config.reconnectDelay(), 2, TimeUnit.MILLISECONDS))
            .build();
    this.client = RedisClient.create(resources, uri(config));
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .socketOptions(SocketOptions.builder().connectTimeout(config.connectTimeout()).build())
            .timeoutOptions(TimeoutOptions.enabled(config.commandTimeout()))
            .build());
    listeners.forEach(client::addListener);
  }

  private static RedisURI uri(RedisConfig config) {
    RedisURI.Builder b =
        RedisURI.builder()
            .withHost(config.host())
            .withPort(config.port())
            .withDatabase(config.database())
            .withSsl(config.tls())
            .withTimeout(config.commandTimeout());
    if (config.password().isPresent()) {
      if (config.username().isPresent()) {
        b.withAuthentication(config.username().get(), config.password().get().toCharArray());
      } else {
        b.withPassword(config.password().get().toCharArray());
      }
    }
    return b.build();
  }

  RedisConfig config() {
    return config;
  }

  /**
   * The synchronous commands of the shared connection.
   *
   * @throws RedisConnectionException when there is no connection yet and one cannot be made now
   */
  RedisCommands<String, String> commands() {
    StatefulRedisConnection<String, String> c = connection;
    if (c != null) {
      return c.sync();
    }
    return connect().sync();
  }

  private StatefulRedisConnection<String, String> connect() {
    if (closed) {
      throw new RedisConnectionException("the shared-state connection is closed");
    }
    if (System.nanoTime() - nextConnectAttempt < 0 || !connecting.tryLock()) {
      throw new RedisConnectionException(
          "not connected to " + config.describe() + " (retrying in the background)");
    }
    try {
      StatefulRedisConnection<String, String> c = connection;
      if (c != null) {
        return c;
      }
      try {
        c = client.connect();
      } catch (RuntimeException e) {
        nextConnectAttempt = System.nanoTime() + retryConnectNanos;
        throw e;
      }
      if (closed) {
        c.close();
        throw new RedisConnectionException("the shared-state connection is closed");
      }
      connection = c;
      return c;
    } finally {
      connecting.unlock();
    }
  }

  /** Runs a script by its digest, loading it on NOSCRIPT (e.g. after a Redis restart). */
  <T> T eval(Script script, ScriptOutputType type, String[] keys, String... args) {
    RedisCommands<String, String> commands = commands();
    try {
      return commands.evalsha(script.sha(), type, keys, args);
    } catch (RedisNoScriptException e) {
      return commands.eval(script.source(), type, keys, args);
    }
  }

  @Override
  public void close() {
    closed = true;
    connecting.lock();
    try {
      StatefulRedisConnection<String, String> c = connection;
      connection = null;
      if (c != null) {
        c.close();
      }
    } finally {
      connecting.unlock();
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    resources.shutdown(0, 2, TimeUnit.SECONDS);
  }

  /** A Lua script with its SHA-1 digest. */
  record Script(String source, String sha) {
    static Script of(String source) {
      try {
        byte[] digest =
            MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
        return new Script(source, HexFormat.of().formatHex(digest));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-1 is missing from this JVM", e);
      }
    }
  }
}
