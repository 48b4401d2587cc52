package dev.gmbot.app.server.e2e;

/** The settings menu end to end: webhook, PostgreSQL and Redis. */
class MenuWebhookPostgresRedisIT extends MenuScenarios {
  @Override
  ServerUnderTest.Mode mode() {
    return ServerUnderTest.Mode.WEBHOOK;
  }

  @Override
  ServerUnderTest.Backend backend() {
    return ServerUnderTest.Backend.POSTGRES_REDIS;
  }
}
