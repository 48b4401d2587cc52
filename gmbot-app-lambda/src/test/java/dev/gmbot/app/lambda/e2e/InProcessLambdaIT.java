package dev.gmbot.app.lambda.e2e;

import java.util.Map;

/** The scenarios with the embedded H2 database and in-process shared state (no Redis). */
class InProcessLambdaIT extends LambdaScenarios {
  @Override
  Map<String, String> storeEnvironment() {
    return Map.of(
        "DATABASE_URL", "jdbc:h2:mem:lambda-e2e-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
  }
}
