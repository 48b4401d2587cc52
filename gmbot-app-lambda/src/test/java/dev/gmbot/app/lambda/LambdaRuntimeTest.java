package dev.gmbot.app.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** How the init phase opens the graph's slow parts together. */
class LambdaRuntimeTest {

  @Test
  void theOtherStepsRunOnThreadsOfTheirOwnWhileTheFirstRunsOnTheCaller() {
    CountDownLatch othersStarted = new CountDownLatch(2);
    List<String> threads = new CopyOnWriteArrayList<>();
    Supplier<Object> other =
        () -> {
          threads.add(Thread.currentThread().getName());
          othersStarted.countDown();
          return "opened";
        };

    LambdaRuntime.openTogether(
        () -> {
          threads.add(Thread.currentThread().getName());
          // Returns only because the others run at the same time as this step.
          await(othersStarted);
          return "opened";
        },
        other,
        other);

    assertThat(threads).hasSize(3).contains(Thread.currentThread().getName());
    assertThat(threads).filteredOn(name -> name.startsWith("gmbot-init-")).hasSize(2);
  }

  @Test
  void theFirstFailureInTheOrderGivenIsRethrownAfterEveryStepEnded() {
    CountDownLatch slowMayEnd = new CountDownLatch(1);
    List<String> ended = new CopyOnWriteArrayList<>();
    IllegalStateException redisDown = new IllegalStateException("redis down");

    assertThatThrownBy(
            () ->
                LambdaRuntime.openTogether(
                    () -> {
                      ended.add("database");
                      slowMayEnd.countDown();
                      return "opened";
                    },
                    () -> {
                      await(slowMayEnd);
                      ended.add("redis");
                      throw redisDown;
                    },
                    () -> {
                      ended.add("telegram");
                      throw new IllegalArgumentException("second failure");
                    }))
        .isSameAs(redisDown);
    assertThat(ended).containsExactlyInAnyOrder("database", "redis", "telegram");
  }

  @Test
  void aFailureOfTheFirstStepWinsOverTheOthersAndKeepsItsType() {
    IllegalArgumentException badUrl = new IllegalArgumentException("bad DATABASE_URL");

    assertThatThrownBy(
            () ->
                LambdaRuntime.openTogether(
                    () -> {
                      throw badUrl;
                    },
                    () -> {
                      throw new IllegalStateException("redis down");
                    }))
        .isSameAs(badUrl);
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).as("the other steps started").isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
