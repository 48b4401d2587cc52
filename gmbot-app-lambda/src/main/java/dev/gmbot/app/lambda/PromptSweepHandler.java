package dev.gmbot.app.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.gmbot.app.lambda.metrics.EmfMetrics;
import dev.gmbot.port.in.DrainEffectsUseCase;
import dev.gmbot.port.in.RetentionCleanupUseCase;
import dev.gmbot.port.in.SweepPromptsUseCase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs the guard's {@link SweepPromptsUseCase#sweepPrompts()} (expired prompts deleted, deferred
 * names shown, and the stored deadlines of issue 16 carried out: removals after a time, held
 * joiners re-checked or released) and then its {@link RetentionCleanupUseCase#cleanUp()} (audit
 * entries past GMBOT_AUDIT_RETENTION and expired menu conversations deleted; at most every 10
 * minutes per container, so the minutely schedule costs nothing more). A Lambda container has no
 * background thread between invocations, so an EventBridge schedule invokes this every minute
 * (template.yaml). The event's content is not used. Handler string: {@code
 * dev.gmbot.app.lambda.PromptSweepHandler::handleRequest}.
 */
public final class PromptSweepHandler implements RequestHandler<Map<String, Object>, String> {
  private final SweepPromptsUseCase sweep;
  private final RetentionCleanupUseCase cleanup;
  private final EmfMetrics metrics;
  private final DrainEffectsUseCase drain;

  /** How long a scheduled run drains the effect outbox (ADR 0014), at most. */
  static final Duration DRAIN_BUDGET = Duration.ofSeconds(20);

  public PromptSweepHandler() {
    this(
        LambdaRuntime.starting(() -> LambdaRuntime.component().guard()),
        LambdaRuntime.component().guard(),
        LambdaRuntime.component().emfMetrics(),
        LambdaRuntime.component().guard());
  }

  /**
   * The handler on a graph built elsewhere (the end-to-end tests' in-process function), without an
   * outbox drain.
   */
  public PromptSweepHandler(
      SweepPromptsUseCase sweep, RetentionCleanupUseCase cleanup, EmfMetrics metrics) {
    this(sweep, cleanup, metrics, (holder, max, budget) -> 0);
  }

  PromptSweepHandler(
      SweepPromptsUseCase sweep,
      RetentionCleanupUseCase cleanup,
      EmfMetrics metrics,
      DrainEffectsUseCase drain) {
    this.drain = Objects.requireNonNull(drain, "drain");
    this.sweep = Objects.requireNonNull(sweep, "sweep");
    this.cleanup = Objects.requireNonNull(cleanup, "cleanup");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  @Override
  public String handleRequest(Map<String, Object> event, Context context) {
    try {
      int drained = drain.drainEffects(WebhookModule.OUTBOX_HOLDER, 16, DRAIN_BUDGET);
      List<String> effects = sweep.sweepPrompts();
      List<String> cleaned = cleanup.cleanUp();
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
