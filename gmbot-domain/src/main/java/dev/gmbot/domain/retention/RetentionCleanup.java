package dev.gmbot.domain.retention;

import dev.gmbot.port.in.RetentionCleanupUseCase;
import dev.gmbot.port.out.AuditTrail;
import dev.gmbot.port.out.ConversationRepository;
import dev.gmbot.port.out.DailyStatistics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The retention clean-up: audit entries older than the retention period, expired settings-menu
 * conversations and the /stats counters of days older than {@link #STATISTICS_RETENTION} are
 * deleted (the counters once a UTC day per process: their table is keyed by group first). Runtimes
 * call it on a timer (the server every few minutes, Lambda from its scheduled function every
 * minute); a call within {@link #MIN_INTERVAL} of the last one in this process does nothing, so
 * frequent timers cost nothing. Several instances may run it: deleting by age is idempotent.
 */
public final class RetentionCleanup implements RetentionCleanupUseCase {
  /** How long audit entries are kept unless configured otherwise. */
  public static final Duration DEFAULT_AUDIT_RETENTION = Duration.ofDays(30);

  /** The shortest and longest retention accepted (GMBOT_AUDIT_RETENTION's range). */
  public static final Duration MIN_AUDIT_RETENTION = Duration.ofHours(1);

  public static final Duration MAX_AUDIT_RETENTION = Duration.ofDays(3650);

  /**
   * How many days of /stats counters are kept: /stats shows two weeks; a year and a month leaves an
   * operator a year-on-year comparison in SQL.
   */
  public static final int STATISTICS_RETENTION = 400;

  /** A clean-up runs at most this often in one process. */
  public static final Duration MIN_INTERVAL = Duration.ofMinutes(10);

  private final AuditTrail audit;
  private final ConversationRepository conversations;
  private final DailyStatistics statistics;
  private final Clock clock;
  private final Duration auditRetention;
  private final AtomicReference<Instant> lastRun = new AtomicReference<>(Instant.MIN);
  private volatile LocalDate statisticsPurgedOn = LocalDate.MIN;

  /** Without /stats counters (an embedder that keeps none). */
  public RetentionCleanup(
      AuditTrail audit,
      ConversationRepository conversations,
      Clock clock,
      Duration auditRetention) {
    this(audit, conversations, DailyStatistics.NONE, clock, auditRetention);
  }

  public RetentionCleanup(
      AuditTrail audit,
      ConversationRepository conversations,
      DailyStatistics statistics,
      Clock clock,
      Duration auditRetention) {
    this.audit = Objects.requireNonNull(audit, "audit");
    this.conversations = Objects.requireNonNull(conversations, "conversations");
    this.statistics = Objects.requireNonNull(statistics, "statistics");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.auditRetention = checked(auditRetention);
  }

  /** How long audit entries are kept. */
  public Duration auditRetention() {
    return auditRetention;
  }

  @Override
  public List<String> cleanUp() {
    Instant now = clock.instant();
    Instant last = lastRun.get();
    if (now.isBefore(last.plus(MIN_INTERVAL)) || !lastRun.compareAndSet(last, now)) {
      return List.of();
    }
    List<String> effects = new ArrayList<>();
    int entries = audit.purgeBefore(now.minus(auditRetention));
    if (entries > 0) {
      effects.add("deleted " + entries + " audit entries older than " + auditRetention);
    }
    int expired = conversations.purgeExpired(now);
    if (expired > 0) {
      effects.add("deleted " + expired + " expired menu conversations");
    }
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    if (statistics.keeps() && !today.equals(statisticsPurgedOn)) {
      int days = statistics.purgeBefore(today.minusDays(STATISTICS_RETENTION));
      statisticsPurgedOn = today;
      if (days > 0) {
        effects.add(
            "deleted "
                + days
                + " days of /stats counters older than "
                + STATISTICS_RETENTION
                + " days");
      }
    }
    return effects;
  }

  private static Duration checked(Duration retention) {
    Objects.requireNonNull(retention, "auditRetention");
    if (retention.compareTo(MIN_AUDIT_RETENTION) < 0
        || retention.compareTo(MAX_AUDIT_RETENTION) > 0) {
      throw new IllegalArgumentException("must be between 1 hour and 3650 days, got " + retention);
    }
    return retention;
  }
}
