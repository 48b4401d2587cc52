package dev.gmbot.app.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.gmbot.app.lambda.metrics.EmfMetrics;
import dev.gmbot.domain.protection.MemberSweeper;
import dev.gmbot.port.in.RetentionCleanupUseCase;
import dev.gmbot.port.in.SweepMembersUseCase;
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
 * re-checked or released), its {@link RetentionCleanupUseCase#cleanUp()} (audit entries past
 * GMBOT_AUDIT_RETENTION and expired menu conversations deleted; at most every 10 minutes per
 * container), a slice of the member sweeps ({@link SweepMembersUseCase}, ADR 0025: the
 * reconciliation and the off-peak verification of active members, resumed where the last run
 * stopped), then drains the effect outbox in slices for the rest of its time limit ({@link
 * OutboxDrain#scheduled}, ADR 0088): deferred effects that fall due while it runs are carried out
 * when due, later ones by the next run. A Lambda container has no background thread between
 * invocations, so this schedule is what delivers deferred effects when no update comes. The event's
 * content is not used. Handler string: {@code
 * dev.gmbot.app.lambda.PromptSweepHandler::handleRequest}.
 */
public final class PromptSweepHandler implements RequestHandler<Map<String, Object>, String> {
  /**
   * What a run leaves of its time limit after the member sweeps (ADR 0025): the outbox drain, the
   * metrics flush, slack.
   */
  static final Duration MEMBER_SWEEP_MARGIN = Duration.ofSeconds(15);

  /** A run sweeps members at most this long: the next run of the schedule goes on. */
  static final Duration MEMBER_SWEEP_MAX_SLICE = Duration.ofSeconds(20);

  private final SweepPromptsUseCase sweep;
  private final SweepMembersUseCase members;
  private final String holder;
  private final java.util.function.Consumer<String> progress;
  private final RetentionCleanupUseCase cleanup;
  private final EmfMetrics metrics;
  private final ToIntFunction<Duration> drain;

  public PromptSweepHandler() {
    this(LambdaRuntime.starting(LambdaRuntime::component));
  }

  /** The scheduled function of a graph (the container's, or a test's). */
  public PromptSweepHandler(LambdaComponent graph) {
    this(
        graph.guard(),
        graph.guard(),
        graph.emfMetrics(),
        graph.outboxDrain()::scheduled,
        graph.guard(),
        // Each invocation is its own lease holder; a slice releases its leases when it ends.
        "lambda-sweeps-" + java.util.UUID.randomUUID(),
        line -> graph.log().info("member sweep", Map.of("progress", line)));
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
    this(sweep, cleanup, metrics, drain, (holder, budget) -> List.of(), "none", line -> {});
  }

  /**
   * @param members the member sweeps, run in a slice before the drain (ADR 0025)
   * @param holder the lease holder of the slices
   * @param progress where the sweeps' progress lines go (the function's log)
   */
  PromptSweepHandler(
      SweepPromptsUseCase sweep,
      RetentionCleanupUseCase cleanup,
      EmfMetrics metrics,
      ToIntFunction<Duration> drain,
      SweepMembersUseCase members,
      String holder,
      java.util.function.Consumer<String> progress) {
    this.members = Objects.requireNonNull(members, "members");
    this.holder = Objects.requireNonNull(holder, "holder");
    this.progress = Objects.requireNonNull(progress, "progress");
    this.drain = Objects.requireNonNull(drain, "drain");
    this.sweep = Objects.requireNonNull(sweep, "sweep");
    this.cleanup = Objects.requireNonNull(cleanup, "cleanup");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  /**
   * One slice of the member sweeps within the time left (ADR 0025): at most {@link
   * #MEMBER_SWEEP_MAX_SLICE}, and {@link #MEMBER_SWEEP_MARGIN} is kept for the drain. A failure is
   * logged; the drain still runs.
   */
  private List<String> sweepMembers(Duration remaining) {
    Duration slice = remaining.minus(MEMBER_SWEEP_MARGIN);
    if (slice.compareTo(MEMBER_SWEEP_MAX_SLICE) > 0) {
      slice = MEMBER_SWEEP_MAX_SLICE;
    }
    if (slice.isNegative() || slice.isZero()) {
      return List.of();
    }
    try {
      List<String> lines = members.sweepMembers(holder, slice);
      lines.stream().filter(MemberSweeper::isProgress).forEach(progress);
      return lines;
    } catch (RuntimeException e) {
      progress.accept("member sweep slice failed: " + e);
      return List.of();
    }
  }

  @Override
  public String handleRequest(Map<String, Object> event, Context context) {
    try {
      List<String> effects;
      List<String> cleaned;
      List<String> swept = List.of();
      int drained = 0;
      try {
        effects = sweep.sweepPrompts();
        cleaned = cleanup.cleanUp();
        swept = sweepMembers(WebhookFunction.remaining(context));
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
          + " clean-up effects, "
          + swept.size()
          + " member sweep lines";
    } finally {
      metrics.flush();
    }
  }
}
