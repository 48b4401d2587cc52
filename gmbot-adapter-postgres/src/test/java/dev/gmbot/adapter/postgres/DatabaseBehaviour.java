package dev.gmbot.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.Owner;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.StorageUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Database-level behaviour beyond the port contracts, run on H2 and on PostgreSQL. */
abstract class DatabaseBehaviour {
  private static final Instant T = Instant.parse("2026-03-01T10:00:00.123Z");
  private static final GroupId GROUP = GroupId.of(-1001000000001L);
  private static final UserId USER = UserId.of(42);

  private Database db;

  abstract PersistenceConfig config();

  @BeforeEach
  void open() {
    db = Database.connect(config());
    db.migrate();
  }

  @AfterEach
  void dispose() {
    if (db != null) {
      TestDatabases.dispose(db);
    }
  }

  @Test
  void migrationsRunOnceAndAreSafeToRepeat() {
    assertThat(db.migrate()).isZero();
    assertThat(db.isHealthy()).isTrue();
  }

  private String vendor() {
    return db.config().isH2() ? "h2" : "postgresql";
  }

  @Test
  void theQuickSchemaCheckAgreesWithWhatFlywayRecorded() {
    // Same versions, success flags and checksums as Flyway wrote: the checksum is Flyway's.
    assertThat(SchemaHistory.applied(db.dataSource(), db.config().schema()))
        .contains(SchemaHistory.expected(vendor()));
    assertThat(SchemaHistory.isCurrent(db.dataSource(), db.config().schema(), vendor())).isTrue();
    assertThat(SchemaHistory.expected(vendor()))
        .extracting(SchemaHistory.Entry::version)
        .containsExactly("1", "2", "20", "31", "50", "60", "70", "71");
  }

  @Test
  void anEditedMigrationIsLeftToFlywaysValidation() throws SQLException {
    execute("UPDATE " + history() + " SET checksum = checksum + 1 WHERE version = '2'");

    assertThat(SchemaHistory.isCurrent(db.dataSource(), db.config().schema(), vendor())).isFalse();
    assertThatThrownBy(db::migrate)
        .isInstanceOf(DatabaseConfigurationException.class)
        .hasMessageContaining("Database migration failed");
  }

  @Test
  void aMissingMigrationIsAppliedByFlyway() throws SQLException {
    // The newest migration (V71) undone, as in a database one release behind.
    String schema = db.config().schema().map(s -> s + ".").orElse("");
    execute("DROP TABLE " + schema + "member_sweeps");
    execute("DROP TABLE " + schema + "sweep_windows");
    execute("DROP INDEX " + schema + "idx_members_seen");
    execute("DELETE FROM " + history() + " WHERE version = '71'");

    assertThat(SchemaHistory.isCurrent(db.dataSource(), db.config().schema(), vendor())).isFalse();
    assertThat(db.migrate()).isEqualTo(1);
    assertThat(SchemaHistory.isCurrent(db.dataSource(), db.config().schema(), vendor())).isTrue();
  }

  @Test
  void withoutAHistoryTableTheCheckSaysNotCurrent() throws SQLException {
    execute("DROP TABLE " + history());

    assertThat(SchemaHistory.applied(db.dataSource(), db.config().schema())).isEmpty();
    assertThat(SchemaHistory.isCurrent(db.dataSource(), db.config().schema(), vendor())).isFalse();
  }

  private String history() {
    return db.config().schema().map(s -> s + ".").orElse("") + SchemaHistory.TABLE;
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.execute();
    }
  }

  @Test
  void theAuditLogIsIndexedForPagesAndForTheRetentionCleanUp() throws SQLException {
    try (Connection c = db.dataSource().getConnection()) {
      assertThat(indexColumns(c, "audit_trail"))
          .containsEntry("idx_audit_group_at", List.of("group_id", "at", "id"))
          .containsEntry("idx_audit_at", List.of("at"));
      assertThat(indexColumns(c, "menu_conversations"))
          .containsEntry("idx_conversations_expiry", List.of("expires_at"));
    }
  }

  /** Index name to its columns in order, as the driver's metadata tells (names in lower case). */
  private static Map<String, List<String>> indexColumns(Connection c, String table)
      throws SQLException {
    Map<String, SortedMap<Integer, String>> found = new HashMap<>();
    String schema = c.getSchema();
    try (ResultSet rs = c.getMetaData().getIndexInfo(null, schema, table, false, false)) {
      while (rs.next()) {
        String name = rs.getString("INDEX_NAME");
        String column = rs.getString("COLUMN_NAME");
        if (name != null && column != null) {
          found
              .computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new TreeMap<>())
              .put(rs.getInt("ORDINAL_POSITION"), column.toLowerCase(Locale.ROOT));
        }
      }
    }
    Map<String, List<String>> columns = new HashMap<>();
    found.forEach((name, ordered) -> columns.put(name, List.copyOf(ordered.values())));
    return columns;
  }

  @Test
  void timestampsAreStoredAsUtcInstantsWhateverTheJvmZone() throws SQLException {
    TimeZone original = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
      try (Database east = Database.connect(db.config())) {
        east.members().recordActivity(GROUP, USER, T);
      }
      try (Connection c = db.dataSource().getConnection();
          PreparedStatement s =
              c.prepareStatement(
                  "SELECT COUNT(*) FROM group_members WHERE last_seen = CAST("
                      + "'2026-03-01 10:00:00.123+00:00' AS TIMESTAMP WITH TIME ZONE)");
          ResultSet rs = s.executeQuery()) {
        rs.next();
        assertThat(rs.getLong(1)).as("stored as the UTC instant").isEqualTo(1);
      }
      TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
      try (Database west = Database.connect(db.config())) {
        assertThat(west.members().find(GROUP, USER).orElseThrow().lastSeen()).isEqualTo(T);
      }
    } finally {
      TimeZone.setDefault(original);
    }
  }

  @Test
  void aChangeThatFailsHalfwayWritesNothing() {
    EnforcedChannel fine =
        new EnforcedChannel(
            ChannelId.of(-1002000000001L), "ok", Optional.empty(), Optional.empty());
    EnforcedChannel tooLong =
        new EnforcedChannel(
            ChannelId.of(-1002000000002L), "x".repeat(300), Optional.empty(), Optional.empty());
    Owner owner = new Owner(UserId.of(7), Optional.of("boss"), false);

    assertThatThrownBy(() -> db.groups().protect(GROUP, "G", owner, List.of(fine, tooLong), T))
        .isInstanceOf(StorageUnavailableException.class)
        .hasMessageContaining("protect group");

    assertThat(db.owners().find(owner.id())).isEmpty();
    assertThat(db.channels().find(fine.id())).isEmpty();
    assertThat(db.groups().find(GROUP)).isEmpty();
  }

  @Test
  void concurrentProtectsAndFirstSightingsNeitherFailNorDuplicate() throws Exception {
    int threads = 6;
    EnforcedChannel shared =
        new EnforcedChannel(ChannelId.of(-1002000000100L), "s", Optional.empty(), Optional.empty());
    Owner owner = new Owner(UserId.of(7), Optional.of("boss"), false);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        EnforcedChannel own =
            new EnforcedChannel(
                ChannelId.of(-1002000000001L - i), "c" + i, Optional.empty(), Optional.empty());
        List<EnforcedChannel> channels = i % 2 == 0 ? List.of(own, shared) : List.of(shared, own);
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  db.groups().protect(GROUP, "G", owner, channels, T);
                  db.members().recordActivity(GROUP, USER, T);
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(db.groups().find(GROUP).orElseThrow().channels()).hasSize(threads + 1);
    assertThat(db.members().counts(GROUP).free()).isEqualTo(1);
  }

  @Test
  void aClosedPoolSurfacesAsStorageUnavailable() {
    db.members().recordActivity(GROUP, USER, T);
    Database lost = Database.connect(db.config());
    lost.close();

    assertThatThrownBy(() -> lost.members().recordActivity(GROUP, USER, T))
        .isInstanceOf(StorageUnavailableException.class);
    assertThat(lost.isHealthy()).isFalse();
  }
}
