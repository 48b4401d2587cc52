package dev.gmbot.app.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.gmbot.app.lambda.metrics.EmfMetrics;
import dev.gmbot.port.in.RetentionCleanupUseCase;
import dev.gmbot.port.in.SweepPromptsUseCase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * The scheduled function (an EventBridge schedule invokes it every minute, template.yaml): runs the
 * guard's {@link SweepPromptsUseCase#sweepPrompts()} (expired prompts deleted, deferred names
 * shown, and the stored member deadlines carried out: removals after a time, held joiners
 * re-checked or released) and its {@link RetentionCleanupUseCase#cleanUp()} (audit entries past
 * GMBOT_AUDIT_RETENTION and expired menu conversations deleted; at most every 10 minutes per
 * container), then drains the effect outbox in slices for the rest of its time limit ({@link
 * OutboxDrain#scheduled}, ADR 0088): deferred effects that fall due while it runs are carried out
 * when due, later ones by the next run. A Lambda container has no background thread between
 * invocations, so this schedule is what delivers deferred effects when no update comes. The event's
 * content is not used. Handler string: {@code
 * dev.gmbot.app.lambda.PromptSweepHandler::handleRequest}.
 */
public final class PromptSweepHandler implements RequestHandler<Map<String, Object>, String> {
  private final SweepPromptsUseCase sweep;
  private final RetentionCleanupUseCase cleanup;
  private final EmfMetrics metrics;
  private final ToIntFunction<Duration> drain;

  public PromptSweepHandler() {
    this(LambdaRuntime.starting(LambdaRuntime::component));
  }

  /** The scheduled function of a graph (the container's, or a test's). */
  public PromptSweepHandler(LambdaComponent graph) {
    this(graph.guard(), graph.guard(), graph.emfMetrics(), graph.outboxDrain()::scheduled);
  }

  /**
   * The handler on a graph built elsewhere (the end-to-end tests' in-process function), without an
   * outbox drain.
   */
  public PromptSweepHandler(
      SweepPromptsUseCase sweep, RetentionCleanupUseCase cleanup, EmfMetrics metrics) {
    this(sweep, cleanup, metrics, remaining -> 0);
  }

  /**
   * @param drain drains the outbox for (at most) the remaining time it is given
   */
  PromptSweepHandler(
      SweepPromptsUseCase sweep,
      RetentionCleanupUseCase cleanup,
      EmfMetrics metrics,
      ToIntFunction<Duration> drain) {
    this.drain = Objects.requireNonNull(drain, "drain");
    this.sweep = Objects.requireNonNull(sweep, "sweep");
    this.cleanup = Objects.requireNonNull(cleanup, "cleanup");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  @Override
  public String handleRequest(Map<String, Object> event, Context context) {
    try {
      List<String> effects;
      List<String> cleaned;
      int drained = 0;
      try {
        effects = sweep.sweepPrompts();
        cleaned = cleanup.cleanUp();
      } finally {
        // Even when the sweep failed: the outbox is drained with what is left of the time limit.
        drained = drain.applyAsInt(WebhookFunction.remaining(context));
        metrics.outboxDepthNow();
      }
      return drained
          + " deferred effects, "
          + effects.size()
          + " prompt effects, "
          + cleaned.size()
          + " clean-up effects";
    } finally {
      metrics.flush();
    }
  }
}
