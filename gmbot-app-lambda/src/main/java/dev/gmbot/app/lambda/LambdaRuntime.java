package dev.gmbot.app.lambda;

import dev.gmbot.app.lambda.config.LambdaConfig;
import dev.gmbot.port.config.ConfigurationException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The container's one graph, built from the environment the first time a handler is created —
 * during Lambda's init phase, so cold-start work happens once per container (and, with SnapStart,
 * before the snapshot).
 */
public final class LambdaRuntime {
  private LambdaRuntime() {}

  /** Initialisation-on-demand holder: the JVM builds the graph once, thread-safely. */
  private static final class Holder {
    static final LambdaComponent COMPONENT = create();

    private static LambdaComponent create() {
      try {
        return graph(LambdaConfig.fromEnvironment(System.getenv()));
      } catch (ConfigurationException e) {
        // One clear line naming the variable; Lambda reports the init failure after it.
        System.out.println("GMBot cannot start: " + e.getMessage());
        throw e;
      }
    }
  }

  /** Builds a graph for a configuration (what the container does once; tests do it per test). */
  public static LambdaComponent graph(LambdaConfig config) {
    return graph(config, Clock.systemUTC(), System.out::println);
  }

  /** Builds a graph writing its log and metric lines to {@code stdout}. */
  public static LambdaComponent graph(LambdaConfig config, Clock clock, Consumer<String> stdout) {
    return DaggerLambdaComponent.factory().create(config, clock, stdout);
  }

  static LambdaComponent component() {
    return Holder.COMPONENT;
  }

  /**
   * The webhook's graph, built now (the handler's constructor runs in the init phase). Its three
   * slow, independent parts are opened at the same time: the Redis connection and the Bot API
   * client on threads of their own while the database opens on this one (docs/performance.md,
   * "Lambda"). Each is a Dagger singleton, so building the rest of the graph afterwards only picks
   * them up.
   */
  static WebhookFunction function() {
    return starting(
        () -> {
          LambdaComponent graph = component();
          openTogether(graph::database, graph::sharedState, graph::telegramClient);
          return graph.webhookFunction();
        });
  }

  /**
   * Runs {@code first} on the calling thread and every other step on a platform thread of its own,
   * and returns when all have ended; the first failure (in the order given) is rethrown as thrown,
   * after every step has ended, so that nothing is still opening while the caller reports it.
   */
  @SafeVarargs
  static void openTogether(Supplier<?> first, Supplier<?>... others) {
    List<Future<?>> opening = new ArrayList<>(others.length);
    RuntimeException failure = null;
    try (ExecutorService threads =
        Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("gmbot-init-", 1).factory())) {
      for (Supplier<?> other : others) {
        opening.add(threads.submit(other::get));
      }
      try {
        first.get();
      } catch (RuntimeException e) {
        failure = e;
      }
    } // waits for every step
    for (Future<?> step : opening) {
      if (failure == null) {
        failure = failureOf(step);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static RuntimeException failureOf(Future<?> step) {
    if (step.state() != Future.State.FAILED) {
      return null;
    }
    Throwable cause = step.exceptionNow();
    if (cause instanceof RuntimeException e) {
      return e;
    }
    if (cause instanceof Error e) {
      throw e;
    }
    return new IllegalStateException(cause);
  }

  /**
   * Builds a part of the graph; a failure (the database unreachable, a variable an adapter rejects)
   * prints one line before Lambda reports the failed init. Adapters' messages name URLs without
   * secrets.
   */
  static <T> T starting(Supplier<T> part) {
    try {
      return part.get();
    } catch (ConfigurationException e) {
      System.out.println("GMBot cannot start: " + e.getMessage());
      throw e;
    } catch (RuntimeException e) {
      System.out.println(
          "GMBot cannot start: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      throw e;
    }
  }
}
