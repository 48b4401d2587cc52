package dev.gmbot.app.lambda.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.app.lambda.LambdaComponent;
import dev.gmbot.app.lambda.LambdaRuntime;
import dev.gmbot.app.lambda.PromptSweepHandler;
import dev.gmbot.app.lambda.TestContext;
import dev.gmbot.app.lambda.config.LambdaConfig;
import dev.gmbot.testkit.simulator.SimChat;
import dev.gmbot.testkit.simulator.SimUser;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

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

  /**
   * Two containers of the function (two graphs on one database and one Redis) drain the same outbox
   * at once: the leases let each effect be claimed by one of them, and the shared meters keep both
   * within Telegram's limits.
   */
  @Test
  void twoContainersDrainingAtOnceCarryOutEachDeferredEffectOnce() throws Exception {
    LambdaComponent second =
        LambdaRuntime.graph(LambdaConfig.fromEnvironment(functionEnv), Clock.systemUTC(), l -> {});
    ExecutorService containers = Executors.newFixedThreadPool(2);
    try {
      List<SimUser> users = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        SimUser user = sim.newUser("Twin" + i);
        user.startsBot();
        users.add(user);
      }
      settle();
      for (SimUser user : users) {
        user.tellsBot("/help");
        user.tellsBot("/help");
      }
      awaitAcknowledged();
      long pending = outboxPending();
      assertThat(pending).as("the replies waiting for their chat's meter").isPositive();

      Future<String> first = containers.submit(this::scheduledRun);
      Future<String> other =
          containers.submit(
              () ->
                  new PromptSweepHandler(second).handleRequest(SCHEDULED_EVENT, new TestContext()));
      String a = first.get();
      String b = other.get();
      System.out.printf(
          "FIGURES two containers drained %d pending effects at once: \"%s\" and \"%s\"%n",
          pending, a, b);

      assertThat(outboxPending()).isZero();
      assertThat(drained(a) + drained(b)).as("each effect carried out once").isEqualTo(pending);
      for (SimUser user : users) {
        SimChat chat = user.privateChat();
        assertThat(botTexts(chat)).as(chat.transcript()).hasSize(3);
        assertThat(calls("sendMessage", chat, false)).isEqualTo(3);
        assertThat(calls("sendMessage", chat, true)).as("within the shared meter").isZero();
      }
    } finally {
      containers.shutdownNow();
      second.resources().close();
    }
  }

  private static long drained(String scheduledRun) {
    return Long.parseLong(scheduledRun.substring(0, scheduledRun.indexOf(' ')));
  }
}
