package dev.gmbot.app.server.e2e;

/** The server end to end: long polling, PostgreSQL and Redis. */
class PollingPostgresRedisIT extends ServerScenarios {
  @Override
  ServerUnderTest.Mode mode() {
    return ServerUnderTest.Mode.POLLING;
  }

  @Override
  ServerUnderTest.Backend backend() {
    return ServerUnderTest.Backend.POSTGRES_REDIS;
  }
}
