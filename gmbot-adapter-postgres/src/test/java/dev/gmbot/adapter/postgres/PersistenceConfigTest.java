package dev.gmbot.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PersistenceConfigTest {

  @Test
  void acceptsThePlansPostgresqlUrl() {
    PersistenceConfig c =
        PersistenceConfig.parse(
            "postgresql://gm:p%40ss%3Aw0rd@db.example:6543/gmbot?sslmode=require");

    assertThat(c.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/gmbot?sslmode=require");
    assertThat(c.user()).contains("gm");
    assertThat(c.password()).contains("p@ss:w0rd");
    assertThat(c.isH2()).isFalse();
  }

  @Test
  void acceptsPostgresSchemeAndDefaultsThePort() {
    PersistenceConfig c = PersistenceConfig.parse("postgres://gm@localhost/gmbot");

    assertThat(c.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/gmbot");
    assertThat(c.user()).contains("gm");
    assertThat(c.password()).isEmpty();
  }

  @Test
  void passesJdbcUrlsThroughAndGivesH2ThePostgresqlMode() {
    assertThat(PersistenceConfig.parse("jdbc:postgresql://h:5432/db?user=x").jdbcUrl())
        .isEqualTo("jdbc:postgresql://h:5432/db?user=x");
    assertThat(PersistenceConfig.parse("jdbc:h2:mem:x").jdbcUrl())
        .isEqualTo(
            "jdbc:h2:mem:x;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    assertThat(PersistenceConfig.parse(PersistenceConfig.DEFAULT_URL).jdbcUrl())
        .isEqualTo(PersistenceConfig.DEFAULT_URL);
  }

  @Test
  void defaultsToAnH2FileUnderData() {
    PersistenceConfig c = PersistenceConfig.fromEnvironment(Map.of());

    assertThat(c.jdbcUrl()).startsWith("jdbc:h2:file:./data/gmbot;MODE=PostgreSQL");
    assertThat(c.poolSize()).isEqualTo(10);
    assertThat(c.connectionTimeout()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void readsPoolSizeTimeoutAndCredentialsFromTheEnvironment() {
    PersistenceConfig c =
        PersistenceConfig.fromEnvironment(
            Map.of(
                "DATABASE_URL", "jdbc:postgresql://h/db",
                "DATABASE_USER", "u",
                "DATABASE_PASSWORD", "pw",
                "GMBOT_DB_POOL_SIZE", "16",
                "GMBOT_DB_TIMEOUT_SECONDS", "3"));

    assertThat(c.user()).contains("u");
    assertThat(c.password()).contains("pw");
    assertThat(c.poolSize()).isEqualTo(16);
    assertThat(c.connectionTimeout()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void rejectsOtherSchemesWithOneLineNamingTheVariableAndHidingThePassword() {
    assertThatThrownBy(() -> PersistenceConfig.parse("mysql://root:hunter22@h/db"))
        .isInstanceOf(DatabaseConfigurationException.class)
        .hasMessageContaining("DATABASE_URL")
        .hasMessageContaining("postgresql://user:pass@host:5432/db")
        .hasMessageNotContaining("hunter22")
        .hasMessageNotContaining("\n");
    assertThatThrownBy(() -> PersistenceConfig.parse("postgresql://u:hunter22@host"))
        .isInstanceOf(DatabaseConfigurationException.class)
        .hasMessageContaining("database name")
        .hasMessageNotContaining("hunter22");
  }

  @Test
  void rejectsATooSmallPoolAndNonNumericTunables() {
    assertThatThrownBy(() -> PersistenceConfig.fromEnvironment(Map.of("GMBOT_DB_POOL_SIZE", "1")))
        .isInstanceOf(DatabaseConfigurationException.class)
        .hasMessageContaining("GMBOT_DB_POOL_SIZE");
    assertThatThrownBy(
            () -> PersistenceConfig.fromEnvironment(Map.of("GMBOT_DB_TIMEOUT_SECONDS", "ten")))
        .isInstanceOf(DatabaseConfigurationException.class)
        .hasMessageContaining("GMBOT_DB_TIMEOUT_SECONDS");
  }

  @Test
  void neverShowsThePassword() {
    PersistenceConfig c = PersistenceConfig.parse("postgresql://gm:topsecret@h:5432/db");
    PersistenceConfig jdbc =
        PersistenceConfig.parse("jdbc:postgresql://h:5432/db?user=gm&password=topsecret");

    assertThat(c.toString()).doesNotContain("topsecret");
    assertThat(jdbc.redactedUrl()).doesNotContain("topsecret").contains("password=***");
    assertThat(c.withCredentials("x", Optional.of("topsecret")).toString())
        .doesNotContain("topsecret");
  }

  @Test
  void rejectsSchemaNamesThatAreNotPlainIdentifiers() {
    assertThatThrownBy(() -> PersistenceConfig.parse("jdbc:h2:mem:x").withSchema("a; drop"))
        .isInstanceOf(DatabaseConfigurationException.class);
  }
}
