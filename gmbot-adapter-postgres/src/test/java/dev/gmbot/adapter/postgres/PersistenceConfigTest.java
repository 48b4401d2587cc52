package dev.gmbot.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmbot.port.config.ConfigReader;
import dev.gmbot.port.config.ConfigurationException;
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
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("DATABASE_URL is not supported")
        .hasMessageContaining("postgresql://user:pass@host:5432/db")
        .hasMessageNotContaining("hunter22")
        .hasMessageNotContaining("\n");
    assertThatThrownBy(() -> PersistenceConfig.parse("postgresql://u:hunter22@host"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("database name")
        .hasMessageNotContaining("hunter22");
  }

  @Test
  void rejectsATooSmallPoolAndNonNumericTunables() {
    assertThatThrownBy(() -> PersistenceConfig.fromEnvironment(Map.of("GMBOT_DB_POOL_SIZE", "1")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("GMBOT_DB_POOL_SIZE must be a whole number from 2 to 1000, got '1'");
    assertThatThrownBy(
            () -> PersistenceConfig.fromEnvironment(Map.of("GMBOT_DB_TIMEOUT_SECONDS", "ten")))
        .isInstanceOf(ConfigurationException.class)
        .extracting(e -> ((ConfigurationException) e).variable())
        .isEqualTo("GMBOT_DB_TIMEOUT_SECONDS");
    assertThatThrownBy(() -> PersistenceConfig.parse("jdbc:h2:mem:x").withPoolSize(1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDeployableMayHaveItsOwnDefaultDatabaseAndPoolButTheVariablesWin() {
    PersistenceConfig defaults =
        PersistenceConfig.read(ConfigReader.of(Map.of()), "jdbc:h2:mem:lambda", 2);
    PersistenceConfig set =
        PersistenceConfig.read(
            ConfigReader.of(
                Map.of("DATABASE_URL", "postgres://gm@db/gmbot", "GMBOT_DB_POOL_SIZE", "5")),
            "jdbc:h2:mem:lambda",
            2);

    assertThat(defaults.jdbcUrl()).startsWith("jdbc:h2:mem:lambda;MODE=PostgreSQL");
    assertThat(defaults.poolSize()).isEqualTo(2);
    assertThat(set.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/gmbot");
    assertThat(set.poolSize()).isEqualTo(5);
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

  @Test
  void migrateOnStartIsAFlagWithTheDeployablesDefault() {
    assertThat(PersistenceConfig.readMigrateOnStart(ConfigReader.of(Map.of()), true)).isTrue();
    assertThat(PersistenceConfig.readMigrateOnStart(ConfigReader.of(Map.of()), false)).isFalse();
    assertThat(
            PersistenceConfig.readMigrateOnStart(
                ConfigReader.of(Map.of("GMBOT_MIGRATE_ON_START", "on")), false))
        .isTrue();
    assertThatThrownBy(
            () ->
                PersistenceConfig.readMigrateOnStart(
                    ConfigReader.of(Map.of("GMBOT_MIGRATE_ON_START", "maybe")), true))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("GMBOT_MIGRATE_ON_START must be true or false");
  }
}
