package dev.gmbot.adapter.postgres;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import javax.sql.DataSource;

/**
 * Whether a database already has exactly the migrations this build ships, told by one query of
 * Flyway's history table and without loading Flyway: at every start of an up-to-date database (the
 * normal case) this saves Flyway's classes, its classpath scan and its validation, several hundred
 * milliseconds of start-up.
 *
 * <p>"Current" means: every shipped migration is in the history, in order, applied successfully,
 * with the checksum Flyway computes for the file (so an edited migration is still reported by
 * Flyway's validation), and nothing else is. Any other state, and any failure to read the history,
 * leaves the decision to Flyway.
 *
 * <p>{@link #MIGRATIONS} lists the shipped files; a test checks it against the resource folders, so
 * a new migration cannot be forgotten here.
 */
final class SchemaHistory {
  /** The shipped migrations, in version order: {@code common/...} or the vendor folder. */
  static final List<String> MIGRATIONS =
      List.of(
          "common/V1__schema.sql",
          "{vendor}/V2__enabled_index.sql",
          "common/V20__menu_conversations_and_audit_retention.sql",
          "common/V31__daily_statistics.sql",
          "common/V50__effect_outbox.sql",
          "common/V60__trust_list_and_member_deadlines.sql",
          "common/V70__pending_join_requests.sql",
          "common/V71__member_sweeps.sql");

  static final String TABLE = "flyway_schema_history";

  /** One applied (or expected) versioned migration. */
  record Entry(String version, int checksum, boolean success) {}

  private SchemaHistory() {}

  /**
   * The entries the shipped migrations produce for the vendor ({@code h2} or {@code postgresql}).
   */
  static List<Entry> expected(String vendor) {
    List<Entry> out = new ArrayList<>();
    for (String migration : MIGRATIONS) {
      String path = "db/migration/" + migration.replace("{vendor}", vendor);
      String file = path.substring(path.lastIndexOf('/') + 1);
      String version = file.substring(1, file.indexOf("__")).replace('_', '.');
      out.add(new Entry(version, checksum(path), true));
    }
    return List.copyOf(out);
  }

  /** The versioned entries of the history table, by installed rank; empty when there is none. */
  static Optional<List<Entry>> applied(DataSource dataSource, Optional<String> schema) {
    String table = schema.map(s -> s + ".").orElse("") + TABLE;
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT version, checksum, success FROM "
                    + table
                    + " WHERE version IS NOT NULL AND type <> 'SCHEMA' ORDER BY installed_rank")) {
      List<Entry> out = new ArrayList<>();
      while (rs.next()) {
        out.add(new Entry(rs.getString(1), rs.getInt(2), rs.getBoolean(3)));
      }
      return Optional.of(List.copyOf(out));
    } catch (SQLException e) {
      return Optional.empty(); // no history yet, or unreadable: Flyway decides
    }
  }

  /** True when the database has exactly the shipped migrations, all successful. */
  static boolean isCurrent(DataSource dataSource, Optional<String> schema, String vendor) {
    return applied(dataSource, schema).map(expected(vendor)::equals).orElse(false);
  }

  /**
   * The checksum Flyway records for an SQL migration: a CRC-32 over the file's lines, each without
   * its line terminator and the first without a byte order mark, as UTF-8.
   */
  static int checksum(String resource) {
    InputStream in = SchemaHistory.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("migration " + resource + " is not on the classpath");
    }
    CRC32 crc = new CRC32();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 4096)) {
      String line = reader.readLine();
      if (line != null && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
        line = line.substring(1);
      }
      while (line != null) {
        crc.update(line.getBytes(StandardCharsets.UTF_8));
        line = reader.readLine();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return (int) crc.getValue();
  }
}
