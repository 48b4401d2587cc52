package dev.gmbot.adapter.redis;

import dev.gmbot.port.out.NonBlocking;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.event.command.CommandListener;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One Lettuce connection shared by every component, opened in the background so that a Redis that
 * is down at startup never prevents startup and never blocks a caller. After the first connection
 * Lettuce reconnects by itself; while it is disconnected commands are rejected at once (no
 * queueing), and every command has a short timeout, so callers fall back quickly.
 */
final class RedisLink implements AutoCloseable {
  private final RedisConfig config;
  private final ClientResources resources;
  private final RedisClient client;
  private final RedisURI uri;
  private final AtomicBoolean connecting = new AtomicBoolean();
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
    this.uri = uri(config);
    this.client = RedisClient.create(resources, uri);
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
   * @throws RedisConnectionException at once when there is no connection yet; a connection is then
   *     being made in the background (at most one attempt per reconnect delay)
   */
  RedisCommands<String, String> commands() {
    NonBlocking.check("Redis");
    StatefulRedisConnection<String, String> c = connection;
    if (c != null) {
      return c.sync();
    }
    connectInBackground();
    throw new RedisConnectionException(
        "not connected to " + config.describe() + " (connecting in the background)");
  }

  /**
   * The asynchronous commands of the shared connection, for commands nobody waits for.
   *
   * @throws RedisConnectionException at once when there is no connection yet (see {@link
   *     #commands()})
   */
  RedisAsyncCommands<String, String> asyncCommands() {
    StatefulRedisConnection<String, String> c = connection;
    if (c != null) {
      return c.async();
    }
    connectInBackground();
    throw new RedisConnectionException(
        "not connected to " + config.describe() + " (connecting in the background)");
  }

  /** The client, for a second connection of another kind (publish/subscribe). */
  RedisClient client() {
    return client;
  }

  RedisURI uri() {
    return uri;
  }

  /** Shared event executors, for timers of the components. */
  ClientResources resources() {
    return resources;
  }

  /**
   * Starts a connection attempt (if none is running and none failed within the reconnect delay) and
   * waits for it at most {@code wait}.
   *
   * @return true when connected
   */
  boolean connect(Duration wait) {
    CompletableFuture<?> attempt = connectInBackground();
    if (attempt != null) {
      try {
        attempt.get(wait.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException | TimeoutException e) {
        // reported by the caller as "not connected"
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return connection != null;
  }

  private CompletableFuture<?> connectInBackground() {
    if (closed
        || connection != null
        || System.nanoTime() - nextConnectAttempt < 0
        || !connecting.compareAndSet(false, true)) {
      return null;
    }
    CompletableFuture<StatefulRedisConnection<String, String>> attempt;
    try {
      attempt = client.connectAsync(StringCodec.UTF8, uri).toCompletableFuture();
    } catch (RuntimeException e) {
      nextConnectAttempt = System.nanoTime() + retryConnectNanos;
      connecting.set(false);
      return null;
    }
    return attempt.whenComplete(
        (c, failure) -> {
          if (failure != null) {
            nextConnectAttempt = System.nanoTime() + retryConnectNanos;
          } else if (closed) {
            c.closeAsync();
          } else {
            connection = c;
          }
          connecting.set(false);
        });
  }

  /** True when Redis answers PING on the shared connection now (within the command timeout). */
  boolean ping() {
    try {
      return "PONG".equalsIgnoreCase(commands().ping());
    } catch (RuntimeException e) {
      return false;
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

  /**
   * Runs a script by its digest without waiting, loading it on NOSCRIPT. The future completes on
   * Lettuce's I/O thread: what follows it must not wait there.
   *
   * @throws RedisConnectionException at once when there is no connection yet
   */
  <T> CompletableFuture<T> evalAsync(
      Script script, ScriptOutputType type, String[] keys, String... args) {
    RedisAsyncCommands<String, String> commands = asyncCommands();
    return commands
        .<T>evalsha(script.sha(), type, keys, args)
        .exceptionallyCompose(
            failure ->
                unwrap(failure) instanceof RedisNoScriptException
                    ? commands.<T>eval(script.source(), type, keys, args)
                    : CompletableFuture.failedStage(failure))
        .toCompletableFuture();
  }

  /** The failure itself, out of the {@link CompletionException} around it. */
  static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }

  @Override
  public void close() {
    closed = true;
    StatefulRedisConnection<String, String> c = connection;
    connection = null;
    if (c != null) {
      c.close();
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
