package dev.gmbot.adapter.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.gmbot.port.out.AuditTrail;
import dev.gmbot.port.out.ChangeNotices;
import dev.gmbot.port.out.ChannelRepository;
import dev.gmbot.port.out.ConversationRepository;
import dev.gmbot.port.out.DailyStatistics;
import dev.gmbot.port.out.EffectOutbox;
import dev.gmbot.port.out.GroupRepository;
import dev.gmbot.port.out.MemberDeadlines;
import dev.gmbot.port.out.MemberRepository;
import dev.gmbot.port.out.MemberSweeps;
import dev.gmbot.port.out.OwnerRepository;
import dev.gmbot.port.out.PendingJoinRequests;
import dev.gmbot.port.out.PromptRepository;
import dev.gmbot.port.out.Repositories;
import dev.gmbot.port.out.TrustList;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The persistence entry point: a HikariCP pool, Flyway migrations and the Jdbi repositories that
 * implement the repository ports. Build it with {@link #connect(PersistenceConfig)} (or {@link
 * #fromEnvironment(Map)}), call {@link #migrate()} at start-up, hand the repositories to the domain
 * and {@link #close()} it at shutdown.
 */
public final class Database implements Repositories, AutoCloseable {
  private final PersistenceConfig config;

  /** How often the pool tries the database while it is down (ADR 0079). */
  static final Duration RECONNECT_PROBE_PERIOD = Duration.ofMillis(100);

  private final RecoveringDataSource dataSource;
  private final Jdbi jdbi;
  private final JdbiGroupRepository groups;
  private final JdbiChannelRepository channels;
  private final JdbiOwnerRepository owners;
  private final JdbiMemberRepository members;
  private final JdbiPromptRepository prompts;
  private final JdbiAuditTrail audit;
  private final JdbiConversationRepository conversations;
  private final JdbiEffectOutbox outbox;
  private final JdbiDailyStatistics dailyStatistics;
  // ---- enforcement policy (issue 16) ----
  private final JdbiTrustList trustList;
  private final JdbiMemberDeadlines deadlines;
  // ---- the join-request gate (ADR 0023) ----
  private final JdbiPendingJoinRequests joinRequests;
  // ---- background sweeps (issue 16, items 4-6) ----
  private final JdbiMemberSweeps sweeps;
  private final LongAdder statements = new LongAdder();

  private Database(PersistenceConfig config, RecoveringDataSource dataSource, Clock clock) {
    this.config = config;
    this.dataSource = dataSource;
    this.jdbi = Jdbi.create(dataSource);
    jdbi.getConfig(SqlStatements.class)
        .setSqlLogger(
            new SqlLogger() {
              @Override
              public void logAfterExecution(StatementContext context) {
                statements.increment();
              }

              @Override
              public void logException(StatementContext context, SQLException ex) {
                statements.increment();
                dataSource.statementFailed(ex);
              }
            });
    this.groups = new JdbiGroupRepository(jdbi);
    this.channels = new JdbiChannelRepository(jdbi, clock);
    this.owners = new JdbiOwnerRepository(jdbi, clock);
    this.members = new JdbiMemberRepository(jdbi);
    this.prompts = new JdbiPromptRepository(jdbi);
    this.audit = new JdbiAuditTrail(jdbi);
    this.conversations = new JdbiConversationRepository(jdbi);
    this.outbox = new JdbiEffectOutbox(jdbi, clock);
    this.dailyStatistics = new JdbiDailyStatistics(jdbi);
    this.trustList = new JdbiTrustList(jdbi);
    this.deadlines = new JdbiMemberDeadlines(jdbi);
    this.joinRequests = new JdbiPendingJoinRequests(jdbi);
    this.sweeps = new JdbiMemberSweeps(jdbi);
  }

  /**
   * Reads the configuration from the environment (see {@link PersistenceConfig#fromEnvironment})
   * and connects.
   */
  public static Database fromEnvironment(Map<String, String> env) {
    return connect(PersistenceConfig.fromEnvironment(env));
  }

  /**
   * Opens the pool and checks that the database answers.
   *
   * @throws DatabaseConfigurationException when the database cannot be reached (one line, no
   *     password)
   */
  public static Database connect(PersistenceConfig config) {
    return connect(config, Clock.systemUTC());
  }

  /**
   * Like {@link #connect(PersistenceConfig)}, with the clock that stamps {@code updated_at} of
   * owners and channels saved outside /protect.
   */
  public static Database connect(PersistenceConfig config, Clock clock) {
    try {
      RecoveringDataSource pool =
          new RecoveringDataSource(
              () -> new HikariDataSource(hikari(config)),
              () -> answers(config),
              RECONNECT_PROBE_PERIOD);
      return new Database(config, pool, clock);
    } catch (RuntimeException e) {
      throw new DatabaseConfigurationException(
          "Cannot connect to the database at DATABASE_URL="
              + config.redactedUrl()
              + ": "
              + scrub(config, firstLine(rootMessage(e)))
              + " (expected a reachable PostgreSQL 15+ or H2 database)",
          e);
    }
  }

  private static HikariConfig hikari(PersistenceConfig config) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("gmbot-db");
    hikari.setJdbcUrl(config.jdbcUrl());
    config.user().ifPresent(hikari::setUsername);
    config.password().ifPresent(hikari::setPassword);
    hikari.setMaximumPoolSize(config.poolSize());
    hikari.setMinimumIdle(Math.min(2, config.poolSize()));
    hikari.setConnectionTimeout(config.connectionTimeout().toMillis());
    hikari.setValidationTimeout(Math.min(5_000, config.connectionTimeout().toMillis()));
    hikari.setInitializationFailTimeout(config.connectionTimeout().toMillis());
    if (!config.isH2()) {
      hikari.addDataSourceProperty(
          "connectTimeout", Math.max(1, config.connectionTimeout().toSeconds()));
      hikari.addDataSourceProperty("tcpKeepAlive", true);
    }
    config.schema().ifPresent(hikari::setSchema);
    return hikari;
  }

  /** One plain connection outside the pool, with a short connect timeout: the reconnect probe. */
  private static boolean answers(PersistenceConfig config) {
    Properties properties = new Properties();
    config.user().ifPresent(u -> properties.setProperty("user", u));
    config.password().ifPresent(p -> properties.setProperty("password", p));
    if (!config.isH2()) {
      properties.setProperty("connectTimeout", "1");
      properties.setProperty("loginTimeout", "2");
    }
    try (Connection connection = DriverManager.getConnection(config.jdbcUrl(), properties)) {
      return connection.isValid(1);
    } catch (SQLException e) {
      return false;
    }
  }

  /**
   * Applies the pending Flyway migrations ({@code classpath:db/migration/common} and the vendor
   * folder {@code db/migration/postgresql} or {@code db/migration/h2}). Safe to run at every start;
   * the app's {@code migrate} command calls only this. When the schema history already holds
   * exactly the shipped migrations (one query, see {@link SchemaHistory}) Flyway is not loaded at
   * all.
   *
   * @return the number of migrations applied
   * @throws DatabaseConfigurationException when a migration fails
   */
  public int migrate() {
    if (SchemaHistory.isCurrent(dataSource, config.schema(), vendor())) {
      return 0;
    }
    return migrateWithFlyway();
  }

  /** Flyway's migrate (which validates first), whatever the schema history says. */
  int migrateWithFlyway() {
    var flyway =
        Flyway.configure(Database.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor())
            .failOnMissingLocations(true);
    config.schema().ifPresent(s -> flyway.schemas(s).defaultSchema(s).createSchemas(true));
    try {
      MigrateResult result = flyway.load().migrate();
      return result.migrationsExecuted;
    } catch (FlywayException e) {
      throw new DatabaseConfigurationException(
          "Database migration failed at DATABASE_URL="
              + config.redactedUrl()
              + ": "
              + scrub(config, firstLine(rootMessage(e))),
          e);
    }
  }

  private String vendor() {
    return config.isH2() ? "h2" : "postgresql";
  }

  /** True when the database answers a trivial query now (for /health). */
  public boolean isHealthy() {
    try {
      return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public GroupRepository groups() {
    return groups;
  }

  public ChannelRepository channels() {
    return channels;
  }

  @Override
  public OwnerRepository owners() {
    return owners;
  }

  @Override
  public MemberRepository members() {
    return members;
  }

  /**
   * A member repository for the per-update path: members cached in process (dropped on the other
   * instances' {@link ChangeNotices}), activity written behind every {@code interval} in one
   * statement. Close it before this database (it flushes what is pending).
   */
  public WriteBehindMemberRepository writeBehindMembers(
      ChangeNotices notices, Clock clock, Duration interval) {
    return writeBehindMembers(
        notices, clock, interval, WriteBehindMemberRepository.DEFAULT_MAX_ENTRIES);
  }

  WriteBehindMemberRepository writeBehindMembers(
      ChangeNotices notices, Clock clock, Duration interval, int maxEntries) {
    return new WriteBehindMemberRepository(
        members,
        jdbi,
        notices,
        clock,
        interval,
        WriteBehindMemberRepository.DEFAULT_TTL,
        maxEntries);
  }

  /**
   * A group repository for the per-update path: groups and channel links cached in process, dropped
   * on the other instances' {@link ChangeNotices}.
   */
  public CachingGroupRepository cachedGroups(ChangeNotices notices, Clock clock) {
    return new CachingGroupRepository(groups, notices, clock);
  }

  /**
   * Every repository, with groups and members for the per-update path ({@link #cachedGroups},
   * {@link #writeBehindMembers}) sharing the notices: hand it to the guard instead of this database
   * and close it before this database.
   */
  public HotPathRepositories hotPath(ChangeNotices notices, Clock clock, Duration flushInterval) {
    ChangeNotices shared = new EchoingNotices(notices);
    return new HotPathRepositories(
        this,
        cachedGroups(shared, clock),
        writeBehindMembers(shared, clock, flushInterval),
        new WriteBehindDailyStatistics(dailyStatistics, clock, flushInterval),
        new CachingTrustList(
            trustList,
            shared,
            clock,
            CachingGroupRepository.DEFAULT_TTL,
            CachingGroupRepository.DEFAULT_MAX_ENTRIES));
  }

  /**
   * The repositories for an instance that cannot hear {@link ChangeNotices} (a Lambda container is
   * frozen between invocations and misses them): groups cached for at most {@code ttl}, so that a
   * change made elsewhere is in force here within that time; the others as they are, the effect
   * outbox included: effects that must wait are deferred to it (ADR 0087), and the function drains
   * it after each update and from its scheduled handler.
   */
  public Repositories withGroupsCachedFor(Clock clock, Duration ttl) {
    CachingGroupRepository cached =
        new CachingGroupRepository(
            groups, ChangeNotices.NONE, clock, ttl, CachingGroupRepository.DEFAULT_MAX_ENTRIES);
    CachingTrustList trusted =
        new CachingTrustList(
            trustList, ChangeNotices.NONE, clock, ttl, CachingGroupRepository.DEFAULT_MAX_ENTRIES);
    return new DatabaseRepositories(this) {
      @Override
      public GroupRepository groups() {
        return cached;
      }

      /** Trusted members cached like the groups: a /trust made elsewhere is in force within ttl. */
      @Override
      public TrustList trustList() {
        return trusted;
      }
    };
  }

  /**
   * SQL statements run through the repositories since the database was connected (the start-up
   * schema check excluded): lets a test or a metric hold the per-update budget.
   */
  public long statements() {
    return statements.sum();
  }

  @Override
  public PromptRepository prompts() {
    return prompts;
  }

  @Override
  public AuditTrail audit() {
    return audit;
  }

  /** The effect outbox (ADR 0014): effects that had to wait for Telegram's limits. */
  @Override
  public EffectOutbox outbox() {
    return outbox;
  }

  /** The per-day counters of /stats ({@code daily_statistics}). */
  @Override
  public DailyStatistics dailyStatistics() {
    return dailyStatistics;
  }

  /** Members exempt from the checks (/trust), read straight from {@code trusted_members}. */
  @Override
  public TrustList trustList() {
    return trustList;
  }

  /** Stored removals and holds ({@code member_deadlines}, ADR 0017). */
  @Override
  public MemberDeadlines deadlines() {
    return deadlines;
  }

  /** Join requests held open until the requester subscribes ({@code pending_join_requests}). */
  @Override
  public PendingJoinRequests joinRequests() {
    return joinRequests;
  }

  /** Progress and leases of the member sweeps, off-peak hours ({@code member_sweeps}, V71). */
  @Override
  public MemberSweeps sweeps() {
    return sweeps;
  }

  /** The settings menu's conversations and remembered groups. */
  public ConversationRepository conversations() {
    return conversations;
  }

  /** The pooled data source (for health checks or tools); closed by {@link #close()}. */
  public DataSource dataSource() {
    return dataSource;
  }

  public PersistenceConfig config() {
    return config;
  }

  @Override
  public void close() {
    dataSource.close();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    String message = e.getMessage();
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        message = t.getMessage();
      }
    }
    return message == null ? e.getClass().getSimpleName() : message;
  }

  private static String scrub(PersistenceConfig config, String message) {
    String out = PersistenceConfig.redact(message);
    if (config.password().isPresent() && !config.password().get().isEmpty()) {
      out = out.replace(config.password().get(), "***");
    }
    return out;
  }

  private static String firstLine(String text) {
    String line = text.strip();
    int newline = line.indexOf('\n');
    return newline < 0 ? line : line.substring(0, newline).strip();
  }
}
