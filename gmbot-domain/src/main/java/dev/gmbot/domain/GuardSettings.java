package dev.gmbot.domain;

import dev.gmbot.domain.protection.ProtectionSettings;
import dev.gmbot.domain.protection.SweepSettings;
import dev.gmbot.domain.retention.RetentionCleanup;
import dev.gmbot.domain.scheduling.SchedulerConfig;
import dev.gmbot.domain.verification.VerificationSettings;
import dev.gmbot.port.config.ConfigReader;
import dev.gmbot.port.config.ConfigurationException;
import dev.gmbot.port.out.Rate;
import java.time.Duration;
import java.util.Objects;

/**
 * The guard's tunables, read from their variables through the ports' {@link ConfigReader}, the way
 * each adapter's configuration reads its own: one set of names, defaults and ranges for every
 * deployable; unset variables keep the domain's defaults. A deployable may choose only the default
 * of {@code GMBOT_FLOOD_RETRIES} ({@link #read(ConfigReader, int)}).
 *
 * <table>
 *   <caption>variables</caption>
 *   <tr><th>variable</th><th>setting</th><th>default</th><th>range</th></tr>
 *   <tr><td>GMBOT_CACHE_POSITIVE_TTL</td><td>"subscribed" cached</td><td>10m</td><td>1ms-30d</td>
 *   <tr><td>GMBOT_CACHE_NEGATIVE_TTL</td><td>"not subscribed" cached</td><td>1m</td><td>1ms-30d</td>
 *   <tr><td>GMBOT_ADMIN_CACHE_TTL</td><td>administrator lists cached</td><td>1h</td><td>1ms-30d</td>
 *   <tr><td>GMBOT_VERIFICATION_RETRIES</td><td>retries of a membership check</td><td>2</td>
 *       <td>0-10</td>
 *   <tr><td>GMBOT_JOIN_WINDOW</td><td>a join acts once within it</td><td>3m</td><td>1ms-30d</td>
 *   <tr><td>GMBOT_PROMPT_COOLDOWN</td><td>no second prompt within it</td><td>3m</td><td>1ms-30d</td>
 *   <tr><td>GMBOT_PROMPT_EDIT_INTERVAL</td><td>prompt edits at most this often</td><td>15s</td>
 *       <td>1ms-30d</td>
 *   <tr><td>GMBOT_PROMPT_NAMES_SHOWN</td><td>names in a prompt</td><td>10</td><td>1-100</td>
 *   <tr><td>GMBOT_SWEEP_BATCH</td><td>prompts per sweep</td><td>100</td><td>1-10000</td>
 *   <tr><td>GMBOT_MAX_IN_FLIGHT</td><td>Bot API calls at once</td><td>64</td><td>4-10000</td>
 *   <tr><td>GMBOT_MESSAGES_PER_SECOND</td><td>the bot's message budget</td><td>25</td>
 *       <td>1-1000</td>
 *   <tr><td>GMBOT_FLOOD_RETRIES</td><td>retries after a 429</td><td>3, or the deployable's</td>
 *       <td>0-10</td>
 *   <tr><td>GMBOT_TRANSIENT_RETRIES</td><td>retries after a timeout or 5xx</td><td>2</td>
 *       <td>0-10</td>
 *   <tr><td>GMBOT_AUDIT_RETENTION</td><td>audit entries kept</td><td>30d</td><td>1h-3650d</td>
 *   <tr><td>GMBOT_CLAIM_WAIT</td><td>an update in progress elsewhere waited for</td><td>2s</td>
 *       <td>0-10s</td>
 *   <tr><td>GMBOT_JOIN_REQUEST_TIMEOUT</td><td>a join request held open, then declined</td>
 *       <td>24h</td><td>1m-30d</td>
 *   <tr><td>GMBOT_SWEEP_CHECKS</td><td>background (P2) calls per second: the sweeps' checks
 *       </td><td>5</td><td>1-1000</td>
 *   <tr><td>GMBOT_ACTIVE_MEMBER_WINDOW</td><td>a member seen within it is verified off-peak</td>
 *       <td>30d</td><td>1h-365d</td>
 *   <tr><td>GMBOT_SWEEP_INTERVAL</td><td>pause between two reconciliations of a group</td>
 *       <td>1h</td><td>1s-30d</td>
 * </table>
 */
public record GuardSettings(
    VerificationSettings verification,
    ProtectionSettings protection,
    SchedulerConfig scheduler,
    Duration auditRetention,
    Duration claimWait,
    SweepSettings sweeps) {

  /** The range of every duration: positive, and not absurdly long. */
  private static final Duration MIN = Duration.ofMillis(1);

  private static final Duration MAX = Duration.ofDays(30);
  private static final Duration SECOND = Duration.ofSeconds(1);

  public GuardSettings {
    Objects.requireNonNull(verification, "verification");
    Objects.requireNonNull(protection, "protection");
    Objects.requireNonNull(scheduler, "scheduler");
    Objects.requireNonNull(auditRetention, "auditRetention");
    Objects.requireNonNull(claimWait, "claimWait");
    Objects.requireNonNull(sweeps, "sweeps");
  }

  /** Settings with the default claim wait and sweeps. */
  public GuardSettings(
      VerificationSettings verification,
      ProtectionSettings protection,
      SchedulerConfig scheduler,
      Duration auditRetention) {
    this(
        verification,
        protection,
        scheduler,
        auditRetention,
        ClaimWait.DEFAULT_BOUND,
        SweepSettings.DEFAULTS);
  }

  /** The domain's defaults, as when no variable is set. */
  public static final GuardSettings DEFAULTS =
      new GuardSettings(
          VerificationSettings.DEFAULTS,
          ProtectionSettings.DEFAULTS,
          SchedulerConfig.defaults(),
          RetentionCleanup.DEFAULT_AUDIT_RETENTION,
          ClaimWait.DEFAULT_BOUND,
          SweepSettings.DEFAULTS);

  /**
   * Reads the guard's variables with the domain's defaults.
   *
   * @throws ConfigurationException naming the variable that is invalid
   */
  public static GuardSettings read(ConfigReader env) {
    return read(env, SchedulerConfig.defaults().maxFloodRetries());
  }

  /**
   * Reads the guard's variables.
   *
   * @param defaultFloodRetries {@code GMBOT_FLOOD_RETRIES} when it is not set (the Lambda function
   *     chooses 0: it should not sleep through a 429's {@code retry_after})
   * @throws ConfigurationException naming the variable that is invalid
   */
  public static GuardSettings read(ConfigReader env, int defaultFloodRetries) {
    SweepSettings sweeps = sweeps(env);
    return new GuardSettings(
        verification(env),
        protection(env),
        scheduler(env, defaultFloodRetries).toBuilder()
            .background(Rate.perSecond(sweeps.checksPerSecond()))
            .build(),
        env.duration(
            "GMBOT_AUDIT_RETENTION",
            RetentionCleanup.DEFAULT_AUDIT_RETENTION,
            RetentionCleanup.MIN_AUDIT_RETENTION,
            RetentionCleanup.MAX_AUDIT_RETENTION),
        env.duration(
            "GMBOT_CLAIM_WAIT", ClaimWait.DEFAULT_BOUND, Duration.ZERO, ClaimWait.MAX_BOUND),
        sweeps);
  }

  /** The background sweeps over members (ADR 0024). */
  private static SweepSettings sweeps(ConfigReader env) {
    SweepSettings d = SweepSettings.DEFAULTS;
    return new SweepSettings(
        env.integer(
            "GMBOT_SWEEP_CHECKS",
            d.checksPerSecond(),
            SweepSettings.MIN_CHECKS,
            SweepSettings.MAX_CHECKS),
        env.duration(
            "GMBOT_ACTIVE_MEMBER_WINDOW",
            d.activeWindow(),
            Duration.ofHours(1),
            Duration.ofDays(365)),
        env.duration("GMBOT_SWEEP_INTERVAL", d.interval(), SECOND, MAX));
  }

  private static VerificationSettings verification(ConfigReader env) {
    VerificationSettings d = VerificationSettings.DEFAULTS;
    return new VerificationSettings(
        env.duration("GMBOT_CACHE_POSITIVE_TTL", d.positiveTtl(), MIN, MAX),
        env.duration("GMBOT_CACHE_NEGATIVE_TTL", d.negativeTtl(), MIN, MAX),
        d.jitter(),
        env.integer("GMBOT_VERIFICATION_RETRIES", d.retries(), 0, 10),
        env.duration("GMBOT_ADMIN_CACHE_TTL", d.administratorTtl(), MIN, MAX));
  }

  private static ProtectionSettings protection(ConfigReader env) {
    ProtectionSettings d = ProtectionSettings.DEFAULTS;
    return new ProtectionSettings(
        env.duration("GMBOT_JOIN_WINDOW", d.joinWindow(), MIN, MAX),
        env.duration("GMBOT_PROMPT_COOLDOWN", d.promptCooldown(), MIN, MAX),
        env.duration("GMBOT_PROMPT_EDIT_INTERVAL", d.promptEditInterval(), MIN, MAX),
        env.integer("GMBOT_PROMPT_NAMES_SHOWN", d.namesShown(), 1, 100),
        env.integer("GMBOT_SWEEP_BATCH", d.sweepBatch(), 1, 10_000),
        env.duration(
            "GMBOT_JOIN_REQUEST_TIMEOUT", d.joinRequestTimeout(), Duration.ofMinutes(1), MAX));
  }

  private static SchedulerConfig scheduler(ConfigReader env, int defaultFloodRetries) {
    SchedulerConfig d = SchedulerConfig.defaults();
    int maxInFlight = env.integer("GMBOT_MAX_IN_FLIGHT", d.maxInFlight(), 4, 10_000);
    int messagesPerSecond = env.integer("GMBOT_MESSAGES_PER_SECOND", 25, 1, 1_000);
    return d.toBuilder()
        .maxInFlight(maxInFlight)
        // A quarter of the pool, at most 8: interactive calls always find a slot, background
        // calls never take the whole pool.
        .reservedForInteractive(Math.min(8, maxInFlight / 4))
        .maxBackgroundInFlight(Math.min(8, maxInFlight / 4))
        .globalMessages(SchedulerConfig.windowSafe(messagesPerSecond, SECOND, 1))
        .maxFloodRetries(env.integer("GMBOT_FLOOD_RETRIES", defaultFloodRetries, 0, 10))
        .maxTransientRetries(env.integer("GMBOT_TRANSIENT_RETRIES", d.maxTransientRetries(), 0, 10))
        .build();
  }
}
