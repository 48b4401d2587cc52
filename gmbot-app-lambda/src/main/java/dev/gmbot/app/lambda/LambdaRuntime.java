package dev.gmbot.app.lambda;

import dev.gmbot.app.lambda.config.LambdaConfig;
import dev.gmbot.port.config.ConfigurationException;
import java.time.Clock;
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

  /** The webhook's graph, built now (the handler's constructor runs in the init phase). */
  static WebhookFunction function() {
    return starting(() -> component().webhookFunction());
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
