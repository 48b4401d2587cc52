package dev.gmbot.app.lambda.e2e;

import java.util.Map;

/**
 * The scenarios on a real PostgreSQL (its own schema, migrated at start) and a real Redis (its own
 * key prefix): the production shape.
 */
class PostgresRedisLambdaIT extends LambdaScenarios {
  private Map<String, String> env;

  @Override
  Map<String, String> storeEnvironment() {
    env = TestServices.postgresAndRedis();
    return env;
  }

  @Override
  void cleanUpStore() {
    if (env != null) {
      TestServices.cleanUp(env);
    }
  }
}
