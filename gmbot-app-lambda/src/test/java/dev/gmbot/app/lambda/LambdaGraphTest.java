package dev.gmbot.app.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmbot.app.lambda.config.LambdaConfig;
import dev.gmbot.port.config.ConfigurationException;
import dev.gmbot.port.in.RegisterCommandMenusUseCase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Dagger graph from environment variables: what it builds, and how it refuses bad input. */
class LambdaGraphTest {
  private final List<String> stdout = new ArrayList<>();

  private LambdaComponent graph(String... pairs) {
    Map<String, String> env = new HashMap<>();
    env.put("BOT_TOKEN", "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw");
    env.put("WEBHOOK_SECRET", "graph-test");
    env.put("TELEGRAM_API_URL", "http://127.0.0.1:9");
    env.put("DATABASE_URL", "jdbc:h2:mem:graph-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return LambdaRuntime.graph(LambdaConfig.fromEnvironment(env), Clock.systemUTC(), stdout::add);
  }

  @Test
  void migratesAnEmbeddedDatabaseAtStartAndTheMigrationHandlerFindsNothingLeft() {
    LambdaComponent graph = graph();
    try {
      String answer =
          new MigrationHandler(graph.database()).handleRequest(Map.of(), new TestContext());

      assertThat(answer).isEqualTo("applied 0 migration(s)");
      assertThat(stdout).anySatisfy(l -> assertThat(l).contains("database migrated at start"));
    } finally {
      graph.database().close();
    }
  }

  @Test
  void theMigrationFunctionAlsoRegistersTheCommandMenusAndSaysWhichFailed() {
    LambdaComponent graph = graph();
    try {
      RegisterCommandMenusUseCase menus =
          () ->
              List.of("set the private_chats menu (default)", "could not set the x menu (ru): 400");

      String answer =
          new MigrationHandler(graph.database(), Optional.of(menus))
              .handleRequest(Map.of(), new TestContext());

      assertThat(answer)
          .isEqualTo(
              "applied 0 migration(s); command menus: 1 of 2 set (could not set the x menu (ru):"
                  + " 400)");
    } finally {
      graph.database().close();
    }
  }

  @Test
  void theSweepRunsWithoutTelegramWhenNoPromptExpired() {
    LambdaComponent graph = graph();
    try {
      String answer =
          new PromptSweepHandler(graph.guard(), graph.guard(), graph.emfMetrics())
              .handleRequest(Map.of("source", "aws.events"), new TestContext());

      assertThat(answer)
          .isEqualTo(
              "0 deferred effects, 0 prompt effects, 0 clean-up effects, 0 member sweep lines");
    } finally {
      graph.resources().close();
    }
  }

  @Test
  void namesTheVariableAnAdapterRejects() {
    assertThatThrownBy(() -> graph("GMBOT_TELEGRAM_POOL_SIZE", "many").webhookFunction())
        .isInstanceOf(ConfigurationException.class)
        .extracting(e -> ((ConfigurationException) e).variable())
        .isEqualTo("GMBOT_TELEGRAM_POOL_SIZE");
    assertThatThrownBy(() -> graph("DATABASE_URL", "postgresql://db.example").database())
        .isInstanceOf(ConfigurationException.class)
        .extracting(e -> ((ConfigurationException) e).variable())
        .isEqualTo("DATABASE_URL");
    assertThatThrownBy(() -> graph("REDIS_URL", "redis://:secret@").webhookFunction())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageNotContaining("secret")
        .extracting(e -> ((ConfigurationException) e).variable())
        .isEqualTo("REDIS_URL");
  }
}
