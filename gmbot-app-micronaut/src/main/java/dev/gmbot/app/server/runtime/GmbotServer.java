package dev.gmbot.app.server.runtime;

import dev.gmbot.adapter.telegram.LongPoller;
import dev.gmbot.adapter.telegram.TelegramBotApi;
import dev.gmbot.adapter.telegram.WebhookInfo;
import dev.gmbot.adapter.telegram.WebhookSettings;
import dev.gmbot.app.server.config.ServerConfig;
import dev.gmbot.app.server.ingest.PollingSupervisor;
import dev.gmbot.app.server.metrics.ServerMeters;
import dev.gmbot.app.server.tls.ServerTls;
import dev.gmbot.app.server.wiring.ServerComponent;
import dev.gmbot.domain.Guard;
import dev.gmbot.domain.commands.CommandMenuRegistration;
import dev.gmbot.domain.retention.RetentionCleanup;
import dev.gmbot.port.in.RetentionCleanupUseCase;
import dev.gmbot.port.in.SweepPromptsUseCase;
import dev.gmbot.port.out.GroupRepository;
import dev.gmbot.port.out.GuardMetrics;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running server: the Dagger graph behind Micronaut's HTTP server, taking updates by webhook or
 * long polling (see {@link ServerConfig#mode()}), sweeping prompts, serving /health and /metrics.
 *
 * <p>{@link #close()} shuts down gracefully: polling stops (a running update finishes), the webhook
 * stops taking updates (503) and waits for those in flight, then the HTTP server, the scheduler,
 * the Bot API client, Redis and the database pool are closed.
 */
public final class GmbotServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GmbotServer.class);

  /**
   * How long a connection may stay without a byte read or written before the server closes it:
   * longer than any request takes to arrive from Telegram, short enough that held incomplete
   * requests cannot pile up (docs/deployment-server.md).
   */
  static final String IDLE_TIMEOUT = "10s";

  private final ServerComponent component;
  private final ApplicationContext context;
  private final EmbeddedServer http;
  private final Optional<PollingSupervisor> polling;
  private final ScheduledExecutorService housekeeping;
  private final OutboxWorkers outboxWorkers;
  private final SweepLoop sweepLoop;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private boolean closed;

  private GmbotServer(
      ServerComponent component,
      ApplicationContext context,
      EmbeddedServer http,
      Optional<PollingSupervisor> polling,
      ScheduledExecutorService housekeeping,
      OutboxWorkers outboxWorkers,
      SweepLoop sweepLoop) {
    this.outboxWorkers = outboxWorkers;
    this.sweepLoop = sweepLoop;
    this.component = component;
    this.context = context;
    this.http = http;
    this.polling = polling;
    this.housekeeping = housekeeping;
  }

  /**
   * Builds the domain (connecting the database, migrating it, and Redis), starts the HTTP server,
   * then registers the webhook or starts long polling.
   */
  public static GmbotServer start(ServerComponent component) {
    return start(component, LongPoller.Settings.DEFAULT);
  }

  /** Like {@link #start(ServerComponent)}, with the long poller's settings (tests poll briefly). */
  public static GmbotServer start(ServerComponent component, LongPoller.Settings pollSettings) {
    Objects.requireNonNull(component, "component");
    ServerConfig config = component.config();
    ApplicationContext context = null;
    // The graph is built while Micronaut starts, its three slow, independent parts (database,
    // Redis, Bot API client) at the same time: on two cores that hides most of it
    // (docs/performance.md, "Start-up"). Requests that arrive before it is done wait for it in the
    // Dagger providers.
    CompletableFuture<Guard> graph =
        opening(
            "gmbot-startup",
            () -> {
              CompletableFuture<?> state = opening("gmbot-startup-redis", component::sharedState);
              CompletableFuture<?> telegram =
                  opening("gmbot-startup-telegram", component::telegramClient);
              try {
                component.database();
              } finally {
                awaitQuietly(state);
                awaitQuietly(telegram);
              }
              built(state);
              built(telegram);
              return component.guard();
            });
    try {
      Map<String, Object> properties = new HashMap<>();
      properties.put("micronaut.application.name", "gmbot");
      properties.put("micronaut.server.port", config.port());
      properties.put("micronaut.server.max-request-size", config.maxBodyBytes());
      // A connection on which nothing is read or written for this long is closed: a client that
      // stops in the middle of a request's headers or body holds no connection for longer.
      properties.put("micronaut.server.idle-timeout", IDLE_TIMEOUT);
      properties.put("gmbot.webhook.path", config.webhookPath());
      Optional<ServerTls> tls = config.tls();
      tls.ifPresent(t -> properties.putAll(t.micronautProperties(config.port())));
      context =
          ApplicationContext.builder()
              .properties(properties)
              .deduceEnvironment(false)
              .banner(false)
              .build();
      context.registerSingleton(ServerComponent.class, component);
      context.start();
      Guard guard = built(graph);
      component.outcomes(); // the outcomes' observers: the handling line, error tracking
      EmbeddedServer http = context.getBean(EmbeddedServer.class);
      http.start();
      LOG.info(
          "GMBot listens on port {} ({}, {} mode, /health, /metrics)",
          http.getPort(),
          tls.isPresent() ? "HTTPS" : "HTTP",
          config.mode().name().toLowerCase(Locale.ROOT));

      Optional<PollingSupervisor> polling = Optional.empty();
      if (config.mode() == ServerConfig.Mode.WEBHOOK) {
        registerWebhook(component, tls);
      } else {
        dropWebhookIfSet(component);
        polling = Optional.of(component.polling().start(pollSettings));
      }
      // After the webhook is registered: the first health probe sees it.
      component
          .closer()
          .register(
              ServerMeters.bind(
                  component.meterRegistry(),
                  config.mode().name().toLowerCase(Locale.ROOT),
                  component.health()::report));
      ScheduledExecutorService housekeeping =
          Executors.newSingleThreadScheduledExecutor(
              Thread.ofPlatform().daemon().name("gmbot-housekeeping").factory());
      long sweep = config.promptSweepInterval().toMillis();
      housekeeping.scheduleWithFixedDelay(
          () -> housekeeping(component, guard), sweep, sweep, TimeUnit.MILLISECONDS);
      housekeeping.execute(() -> countGroups(component));
      housekeeping.execute(() -> registerCommandMenus(component));
      long cleanup = RetentionCleanup.MIN_INTERVAL.toMillis();
      housekeeping.scheduleWithFixedDelay(
          () -> cleanUp(guard), sweep, cleanup, TimeUnit.MILLISECONDS);
      OutboxWorkers outbox =
          OutboxWorkers.start(guard, config.instanceId(), config.outboxWorkers());
      SweepLoop sweeps = SweepLoop.start(guard, config.instanceId());
      return new GmbotServer(component, context, http, polling, housekeeping, outbox, sweeps);
    } catch (RuntimeException e) {
      awaitQuietly(graph);
      if (context != null) {
        context.close();
      }
      component.closer().close();
      throw e;
    }
  }

  /** Runs {@code step} on a new platform thread. */
  private static <T> CompletableFuture<T> opening(String thread, Supplier<T> step) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread.ofPlatform()
        .name(thread)
        .start(
            () -> {
              try {
                result.complete(step.get());
              } catch (Throwable e) {
                result.completeExceptionally(e);
              }
            });
    return result;
  }

  /** What a start-up thread built; its failure is rethrown as it was thrown. */
  private static <T> T built(CompletableFuture<T> graph) {
    try {
      return graph.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /** Waits for a start-up thread (before closing what it opened). */
  private static void awaitQuietly(CompletableFuture<?> graph) {
    try {
      graph.join();
    } catch (RuntimeException ignored) {
      // already failing: the first failure is the one reported
    }
  }

  /**
   * setWebhook with WEBHOOK_URL + path, the secret and GMBot's allowed updates; a self-signed
   * certificate the server serves is uploaded with it.
   */
  static void registerWebhook(ServerComponent component, Optional<ServerTls> tls) {
    ServerConfig config = component.config();
    WebhookSettings plain =
        WebhookSettings.of(
                config.webhookEndpoint().orElseThrow(), config.webhookSecret().orElseThrow())
            .withMaxConnections(Math.min(100, Math.max(1, config.maxInFlight() / 2)));
    WebhookSettings settings =
        tls.filter(ServerTls::selfSigned)
            .map(t -> plain.withCertificate(t.leafPem()))
            .orElse(plain);
    component.webhooks().setWebhook(settings);
    LOG.info("Webhook registered at {}", settings.url());
  }

  private static void dropWebhookIfSet(ServerComponent component) {
    try {
      WebhookInfo info = component.webhooks().getWebhookInfo();
      if (info.isSet()) {
        LOG.warn(
            "A webhook is set ({}); deleting it to long-poll (ENVIRONMENT=production and"
                + " WEBHOOK_URL select webhook mode)",
            info.url().orElse(""));
        component.webhooks().deleteWebhook(false);
      }
    } catch (RuntimeException e) {
      LOG.warn("Could not check the webhook before polling: {}", e.getMessage());
    }
  }

  private static void housekeeping(ServerComponent component, SweepPromptsUseCase prompts) {
    GuardMetrics metrics = component.guardMetrics();
    Instant started = component.clock().instant();
    try {
      List<String> effects = prompts.sweepPrompts();
      metrics.sweep(
          "prompts", true, effects.size(), Duration.between(started, component.clock().instant()));
      if (!effects.isEmpty()) {
        LOG.info("Prompt sweep: {}", effects);
      }
    } catch (RuntimeException e) {
      metrics.sweep("prompts", false, 0, Duration.between(started, component.clock().instant()));
      LOG.warn("Prompt sweep failed: {}", e.toString());
    }
    countGroups(component);
  }

  /** Audit entries past GMBOT_AUDIT_RETENTION and expired menu conversations. */
  private static void cleanUp(RetentionCleanupUseCase retention) {
    try {
      List<String> effects = retention.cleanUp();
      if (!effects.isEmpty()) {
        LOG.info("Retention clean-up: {}", effects);
      }
    } catch (RuntimeException e) {
      LOG.warn("Retention clean-up failed: {}", e.toString());
    }
  }

  /**
   * Registers GMBot's command menus with Telegram (setMyCommands per scope and language), off the
   * start-up path; a menu Telegram refuses is logged and the others are still set.
   */
  private static void registerCommandMenus(ServerComponent component) {
    try {
      List<String> lines =
          new CommandMenuRegistration(new TelegramBotApi(component.telegramClient()))
              .registerCommandMenus();
      List<String> failed = lines.stream().filter(l -> l.startsWith("could not")).toList();
      LOG.info("Command menus: {} of {} set", lines.size() - failed.size(), lines.size());
      failed.forEach(line -> LOG.warn("Command menus: {}", line));
    } catch (RuntimeException e) {
      LOG.warn("Registering the command menus failed: {}", e.toString());
    }
  }

  /** The active-groups and paused-groups gauges, as the database counts them. */
  private static void countGroups(ServerComponent component) {
    try {
      GuardMetrics metrics = component.guardMetrics();
      GroupRepository groups = component.database().groups();
      metrics.activeGroups(groups.countActive());
      Map<String, Long> paused = new HashMap<>();
      groups
          .countPaused()
          .forEach((kind, n) -> paused.put(kind.name().toLowerCase(Locale.ROOT), n));
      metrics.pausedGroups(paused);
    } catch (RuntimeException e) {
      LOG.warn("Counting groups failed: {}", e.toString());
    }
  }

  /** The HTTP port (useful when the configuration asked for port 0). */
  public int port() {
    return http.getPort();
  }

  public ServerComponent component() {
    return component;
  }

  /** True while this instance holds the poller lease (polling mode). */
  public boolean polling() {
    return polling.map(PollingSupervisor::polling).orElse(false);
  }

  /** Blocks until {@link #close()} has finished. */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    Duration grace = component.config().shutdownGrace();
    LOG.info("Shutting down (waiting up to {} for updates in flight)", grace);
    try {
      polling.ifPresent(PollingSupervisor::close);
      component.ingestion().close();
      housekeeping.shutdownNow();
      sweepLoop.close();
      outboxWorkers.close();
      context.close();
      component.closer().close();
      LOG.info("Stopped");
    } finally {
      stopped.countDown();
    }
  }
}
