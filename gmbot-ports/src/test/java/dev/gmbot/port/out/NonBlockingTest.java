package dev.gmbot.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class NonBlockingTest {
  @Test
  void outsideAnAttemptPortsMayWait() {
    assertThatCode(() -> NonBlocking.check("the database")).doesNotThrowAnyException();
    assertThat(NonBlocking.tripped()).isFalse();
  }

  @Test
  void insideAnAttemptAWaitIsRefusedAndTheAttemptTrips() {
    try (NonBlocking.Attempt attempt = NonBlocking.attempt()) {
      assertThat(attempt.tripped()).isFalse();

      assertThatThrownBy(() -> NonBlocking.check("Redis"))
          .isInstanceOf(WouldBlockException.class)
          .hasMessage("would wait for Redis on a thread that must not wait");

      assertThat(attempt.tripped()).isTrue();
      assertThat(NonBlocking.tripped()).isTrue();
    }
    assertThat(NonBlocking.tripped()).as("closed").isFalse();
    assertThatCode(() -> NonBlocking.check("Redis")).doesNotThrowAnyException();
  }

  @Test
  void aSwallowedRefusalStillTripsTheAttemptAndLaterWaitsAreRefusedToo() {
    try (NonBlocking.Attempt attempt = NonBlocking.attempt()) {
      try {
        NonBlocking.check("Telegram");
      } catch (RuntimeException swallowed) {
        // a best-effort caller that carries on
      }

      assertThat(attempt.tripped()).isTrue();
      assertThatThrownBy(() -> NonBlocking.check("the database"))
          .isInstanceOf(WouldBlockException.class);
    }
  }

  @Test
  void aLiftedAttemptLetsCleanUpWaitAndStaysTripped() {
    try (NonBlocking.Attempt attempt = NonBlocking.attempt()) {
      assertThatThrownBy(() -> NonBlocking.check("Redis")).isInstanceOf(WouldBlockException.class);

      NonBlocking.lift();

      assertThatCode(() -> NonBlocking.check("Redis")).doesNotThrowAnyException();
      assertThat(attempt.tripped()).isTrue();
    }
  }

  @Test
  void aNewAttemptStartsClean() {
    try (NonBlocking.Attempt first = NonBlocking.attempt()) {
      assertThatThrownBy(() -> NonBlocking.check("Redis")).isInstanceOf(WouldBlockException.class);
      NonBlocking.lift();
    }
    try (NonBlocking.Attempt second = NonBlocking.attempt()) {
      assertThat(second.tripped()).isFalse();
      assertThatThrownBy(() -> NonBlocking.check("Redis")).isInstanceOf(WouldBlockException.class);
    }
  }

  @Test
  void attemptsDoNotNest() {
    try (NonBlocking.Attempt attempt = NonBlocking.attempt()) {
      assertThatThrownBy(NonBlocking::attempt)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("open already");
    }
  }

  @Test
  void anAttemptBelongsToItsThread() throws Exception {
    try (NonBlocking.Attempt attempt = NonBlocking.attempt()) {
      CompletableFuture<Boolean> elsewhere =
          CompletableFuture.supplyAsync(
              () -> {
                NonBlocking.check("the database");
                return NonBlocking.tripped();
              });

      assertThat(elsewhere.get()).isFalse();
      assertThat(attempt.tripped()).isFalse();
    }
  }

  @Test
  void aWaitStartedByThePortTripsTheAttemptAndIsKeptWithWhatThePortWantsBack() {
    CompletableFuture<String> reply = new CompletableFuture<>();
    try (NonBlocking.Attempt attempt = NonBlocking.attempt()) {
      assertThat(NonBlocking.promised()).isTrue();
      WouldBlockException e = NonBlocking.await(reply, "sent 42", "Redis");

      assertThat(e).hasMessageContaining("Redis");
      assertThat(attempt.tripped()).isTrue();
      assertThat(attempt.ready()).isSameAs(reply);
      assertThat(attempt.carry()).isEqualTo("sent 42");
      assertThat(NonBlocking.promised()).isTrue();
    }
  }

  @Test
  void onlyTheFirstTripKeepsAWait() {
    try (NonBlocking.Attempt attempt = NonBlocking.attempt()) {
      assertThatThrownBy(() -> NonBlocking.check("the database"))
          .isInstanceOf(WouldBlockException.class);
      NonBlocking.await(new CompletableFuture<>(), "late", "Redis");

      assertThat(attempt.ready()).isNull();
      assertThat(attempt.carry()).isNull();
    }
    CompletableFuture<Void> first = new CompletableFuture<>();
    try (NonBlocking.Attempt attempt = NonBlocking.attempt()) {
      NonBlocking.await(first, "first", "Redis");
      NonBlocking.await(new CompletableFuture<>(), "second", "Redis");

      assertThat(attempt.ready()).isSameAs(first);
      assertThat(attempt.carry()).isEqualTo("first");
    }
  }

  @Test
  void theResumingAttemptHandsThePortWhatItLeftOnceAndOnlyWhileOpen() {
    try (NonBlocking.Attempt attempt = NonBlocking.attempt("sent 42")) {
      assertThat(NonBlocking.carried()).isEqualTo("sent 42");
      assertThat(NonBlocking.carried()).as("taken").isNull();
      assertThat(attempt.tripped()).isFalse();
    }
    try (NonBlocking.Attempt attempt = NonBlocking.attempt("left behind")) {
      assertThat(attempt.tripped()).isFalse();
    }
    assertThat(NonBlocking.carried()).as("outside an attempt").isNull();
    try (NonBlocking.Attempt attempt = NonBlocking.attempt()) {
      assertThat(NonBlocking.carried()).as("a first attempt").isNull();
    }
  }

  @Test
  void aWaitCanOnlyBeStartedUnderAPromise() {
    CompletableFuture<Void> reply = new CompletableFuture<>();
    assertThat(NonBlocking.promised()).isFalse();
    assertThatThrownBy(() -> NonBlocking.await(reply, null, "Redis"))
        .isInstanceOf(IllegalStateException.class);
    try (NonBlocking.Attempt attempt = NonBlocking.attempt()) {
      NonBlocking.lift();
      assertThat(NonBlocking.promised()).isFalse();
      assertThatThrownBy(() -> NonBlocking.await(reply, null, "Redis"))
          .isInstanceOf(IllegalStateException.class);
      assertThat(attempt.tripped()).isFalse();
    }
  }
}
