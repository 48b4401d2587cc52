package dev.gmbot.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class H2DatabaseTest extends DatabaseBehaviour {
  @Override
  PersistenceConfig config() {
    return TestDatabases.h2();
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
