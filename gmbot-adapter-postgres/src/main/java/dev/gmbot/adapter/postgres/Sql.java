package dev.gmbot.adapter.postgres;

import dev.gmbot.port.out.NonBlocking;
import dev.gmbot.port.out.StorageUnavailableException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.argument.Argument;

/** Shared plumbing: transactions, failure mapping and UTC timestamps. */
final class Sql {
  private Sql() {}

  /**
   * Runs the work in one transaction; any failure of the store becomes {@link
   * StorageUnavailableException} and the transaction is rolled back (nothing partial is written).
   */
  static <T> T tx(Jdbi jdbi, String operation, HandleCallback<T, RuntimeException> work) {
    NonBlocking.check("the database");
    try {
      return jdbi.inTransaction(work);
    } catch (JdbiException e) {
      throw unavailable(operation, e);
    }
  }

  static void txRun(Jdbi jdbi, String operation, Consumer<Handle> work) {
    tx(
        jdbi,
        operation,
        h -> {
          work.accept(h);
          return null;
        });
  }

  /**
   * Insert-or-update that works unchanged on PostgreSQL and H2 and is safe under concurrency:
   * update; when no row matched, insert with ON CONFLICT DO NOTHING; when a concurrent insert won,
   * update again.
   */
  static void upsert(IntSupplier update, IntSupplier insert) {
    if (update.getAsInt() > 0) {
      return;
    }
    if (insert.getAsInt() > 0) {
      return;
    }
    update.getAsInt();
  }

  static StorageUnavailableException unavailable(String operation, Exception e) {
    String state = sqlState(e).map(s -> " (SQLState " + s + ")").orElse("");
    return new StorageUnavailableException(
        "database failed during " + operation + state + ": " + e.getClass().getSimpleName(), e);
  }

  /** True when the failure is a foreign key's parent row missing (PostgreSQL 23503, H2 23506). */
  static boolean parentMissing(Throwable e) {
    return sqlState(e).filter(s -> s.equals("23503") || s.equals("23506")).isPresent();
  }

  private static Optional<String> sqlState(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return Optional.of(sql.getSQLState());
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return Optional.empty();
  }

  /** Binds an instant as TIMESTAMP WITH TIME ZONE at UTC, independent of the JVM's zone. */
  static Argument utc(Instant instant) {
    OffsetDateTime value = instant.atOffset(ZoneOffset.UTC);
    return (position, statement, ctx) ->
        statement.setObject(position, value, Types.TIMESTAMP_WITH_TIMEZONE);
  }

  /** Binds a nullable BIGINT. */
  static Argument nullableLong(Optional<Long> value) {
    return (position, statement, ctx) -> {
      if (value.isPresent()) {
        statement.setLong(position, value.get());
      } else {
        statement.setNull(position, Types.BIGINT);
      }
    };
  }

  /** Binds a nullable VARCHAR/TEXT. */
  static Argument nullableText(Optional<String> value) {
    return (position, statement, ctx) -> {
      if (value.isPresent()) {
        statement.setString(position, value.get());
      } else {
        statement.setNull(position, Types.VARCHAR);
      }
    };
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    if (value == null) {
      throw new SQLException("column " + column + " is null");
    }
    return value.toInstant();
  }

  static Optional<String> text(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getString(column));
  }

  static Optional<Long> longValue(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(value);
  }
}
