/**
 * Persistence adapter: the repository ports on Jdbi3 over a HikariCP pool, with Flyway migrations
 * that run unchanged on PostgreSQL 15+ and H2 (PostgreSQL mode).
 *
 * <p>Entry point: {@link dev.gmbot.adapter.postgres.Database} ({@code
 * Database.fromEnvironment(System.getenv())}, then {@code migrate()}, then the repository getters).
 * {@link dev.gmbot.adapter.postgres.LegacyEnvImporter} imports the old single-instance {@code .env}
 * configuration; {@link dev.gmbot.adapter.postgres.PersistenceCli} runs both without an app.
 */
package dev.gmbot.adapter.postgres;
