package dev.gmbot.app.server.e2e;

/** The server end to end: webhook, PostgreSQL and Redis. */
class WebhookPostgresRedisIT extends WebhookScenarios {
  @Override
  ServerUnderTest.Backend backend() {
    return ServerUnderTest.Backend.POSTGRES_REDIS;
  }
}
