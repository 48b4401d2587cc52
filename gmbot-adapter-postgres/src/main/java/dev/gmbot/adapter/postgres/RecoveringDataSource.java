package dev.gmbot.adapter.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.gmbot.port.out.NonBlocking;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * The pool behind the repositories, which fails fast while the database is down and comes back
 * within a probe period once it answers again (ADR 0079).
 *
 * <p>HikariCP retries a failed connection with a backoff that doubles up to 5 s and cannot be
 * configured, so after an outage of more than a few seconds the first update waited seconds for a
 * database that was already back; and while the database was down every caller waited the whole
 * connection timeout. Here the first failure to get a connection, or a statement's connection
 * failure (SQLState class 08), marks the database down: callers are refused at once ({@link
 * SQLTransientConnectionException}, which the repositories report as storage unavailable) and one
 * virtual thread opens a plain connection every {@code probePeriod}. When one opens, a fresh pool
 * replaces the old one (closed in the background) and callers are served again.
 */
final class RecoveringDataSource implements DataSource, AutoCloseable {
  private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(RecoveringDataSource.class);

  /** Opens (and closes) one connection outside the pool: true when the database answers. */
  interface Probe {
    boolean answers();
  }

  private final Supplier<HikariDataSource> pools;
  private final Probe probe;
  private final Duration probePeriod;
  private final AtomicBoolean down = new AtomicBoolean();
  private volatile HikariDataSource current;
  private volatile boolean closed;

  RecoveringDataSource(Supplier<HikariDataSource> pools, Probe probe, Duration probePeriod) {
    this.pools = Objects.requireNonNull(pools, "pools");
    this.probe = Objects.requireNonNull(probe, "probe");
    this.probePeriod = Objects.requireNonNull(probePeriod, "probePeriod");
    this.current = pools.get();
  }

  /** True between a failure to get a connection and the reconnect. */
  boolean isDown() {
    return down.get();
  }

  /** The pool serving now (for tools and tests; replaced after an outage). */
  HikariDataSource pool() {
    return current;
  }

  @Override
  public Connection getConnection() throws SQLException {
    NonBlocking.check("the database");
    if (down.get()) {
      throw new SQLTransientConnectionException("the database is down (reconnecting)", "08001");
    }
    try {
      return current.getConnection();
    } catch (SQLException e) {
      markDown(e);
      throw e;
    }
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("the pool's credentials are fixed");
  }

  /**
   * Told of every statement's failure: a connection failure (SQLState class 08, as when the server
   * resets the socket) marks the database down like a failure to get a connection.
   */
  void statementFailed(SQLException failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("08")) {
        markDown(sql);
        return;
      }
      if (t.getCause() == t) {
        return;
      }
    }
  }

  private void markDown(SQLException cause) {
    if (closed || !down.compareAndSet(false, true)) {
      return;
    }
    LOG.warn(
        "database unreachable ({}); refusing calls at once and reconnecting",
        cause.getClass().getSimpleName());
    Thread.ofVirtual().name("gmbot-db-reconnect").start(this::reconnect);
  }

  private void reconnect() {
    long started = System.nanoTime();
    while (!closed) {
      if (probe.answers()) {
        HikariDataSource fresh;
        try {
          fresh = pools.get();
        } catch (RuntimeException e) {
          pause();
          continue;
        }
        HikariDataSource old = current;
        current = fresh;
        down.set(false);
        LOG.info(
            "database reachable again after {} ms; new pool in service",
            Duration.ofNanos(System.nanoTime() - started).toMillis());
        Thread.ofVirtual().name("gmbot-db-close-old-pool").start(old::close);
        if (closed) {
          fresh.close();
        }
        return;
      }
      pause();
    }
  }

  private void pause() {
    try {
      Thread.sleep(probePeriod);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  @Override
  public void close() {
    closed = true;
    current.close();
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return current.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    current.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    current.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return current.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    return current.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || current.isWrapperFor(iface);
  }
}
