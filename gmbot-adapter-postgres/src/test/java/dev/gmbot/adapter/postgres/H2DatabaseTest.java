package dev.gmbot.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmbot.port.out.ChangeNotices;
import dev.gmbot.port.out.Repositories;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class H2DatabaseTest extends DatabaseBehaviour {
  @Override
  PersistenceConfig config() {
    return TestDatabases.h2();
  }

  /** The views that replace a few repositories hand out the database's own for all the others. */
  @Test
  void theRepositoryViewsForwardEveryOtherRepository() {
    try (Database db = Database.connect(config())) {
      db.migrate();
      Repositories lambda = db.withGroupsCachedFor(Clock.systemUTC(), Duration.ofSeconds(1));
      assertThat(lambda.groups()).isInstanceOf(CachingGroupRepository.class);
      try (HotPathRepositories server =
          db.hotPath(ChangeNotices.NONE, Clock.systemUTC(), Duration.ofHours(1))) {
        for (Repositories view : List.of(lambda, server)) {
          assertThat(view.owners()).isSameAs(db.owners());
          assertThat(view.prompts()).isSameAs(db.prompts());
          assertThat(view.audit()).isSameAs(db.audit());
          assertThat(view.conversations()).isSameAs(db.conversations());
        }
        assertThat(server.outbox()).isSameAs(db.outbox());
        assertThat(lambda.outbox()).as("the Lambda view defers, ADR 0087").isSameAs(db.outbox());
        assertThat(lambda.members()).isSameAs(db.members());
        assertThat(lambda.dailyStatistics()).isSameAs(db.dailyStatistics());
        assertThat(server.members()).isSameAs(server.writeBehindMembers());
        assertThat(server.dailyStatistics()).isSameAs(server.writeBehindStatistics());
      }
    }
  }

  @Test
  void anUnreachableDatabaseStopsStartUpWithOneClearLine() {
    PersistenceConfig unreachable =
        PersistenceConfig.parse("postgresql://gm:s3cr3tpw@127.0.0.1:1/gmbot")
            .withConnectionTimeout(Duration.ofSeconds(1));

    assertThatThrownBy(() -> Database.connect(unreachable))
        .isInstanceOf(DatabaseConfigurationException.class)
        .hasMessageStartingWith("Cannot connect to the database at DATABASE_URL=")
        .hasMessageContaining("127.0.0.1:1/gmbot")
        .hasMessageNotContaining("s3cr3tpw")
        .hasMessageNotContaining("\n");
  }

  @Test
  void theCliMigratesAndReportsBadConfigurationInOneLine() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String url = config().jdbcUrl();

    int ok =
        PersistenceCli.run(
            new String[] {"migrate"}, Map.of("DATABASE_URL", url), print(out), print(err));
    int bad =
        PersistenceCli.run(
            new String[] {"migrate"},
            Map.of("DATABASE_URL", "mysql://u:pw123456@h/db"),
            print(out),
            print(err));

    assertThat(ok).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("migration(s) applied");
    assertThat(bad).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).strip())
        .startsWith("DATABASE_URL is not supported")
        .doesNotContain("pw123456")
        .doesNotContain("\n");
  }

  private static PrintStream print(ByteArrayOutputStream sink) {
    return new PrintStream(sink, true, StandardCharsets.UTF_8);
  }
}
