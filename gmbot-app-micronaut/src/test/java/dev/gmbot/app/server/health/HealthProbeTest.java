package dev.gmbot.app.server.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthProbeTest {
  private final CountDownLatch never = new CountDownLatch(1);

  @AfterEach
  void releaseHangingChecks() {
    never.countDown();
  }

  private boolean hang() {
    try {
      never.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return true;
  }

  @Test
  void aDatabaseCheckThatHangsIsReportedDownAndNamed() {
    HealthProbe probe =
        new HealthProbe(
            Clock.systemUTC(),
            "webhook",
            this::hang,
            () -> HealthProbe.State.up("up"),
            () -> HealthProbe.State.up("up"),
            Duration.ofSeconds(30),
            Duration.ofMillis(50));

    HealthProbe.Report report = probe.report();

    assertThat(report.httpStatus()).isEqualTo(503);
    assertThat(report.json()).contains("\"status\":\"unhealthy\"", "\"database\":\"down\"");
    assertThat(report.up()).containsEntry("database", false).containsEntry("telegram", true);
  }

  @Test
  void aCheckStillRunningIsNotStartedAgainByTheNextProbe() {
    AtomicInteger started = new AtomicInteger();
    HealthProbe probe =
        new HealthProbe(
            Clock.systemUTC(),
            "webhook",
            () -> {
              started.incrementAndGet();
              return hang();
            },
            () -> HealthProbe.State.up("up"),
            () -> HealthProbe.State.up("up"),
            Duration.ofSeconds(30),
            Duration.ofMillis(20));

    probe.report();
    probe.report();
    probe.report();

    assertThat(started).hasValue(1);
  }

  @Test
  void aHangingRedisOrTelegramCheckIsReportedDown() {
    HealthProbe probe =
        new HealthProbe(
            Clock.systemUTC(),
            "polling",
            () -> true,
            () -> {
              hang();
              return HealthProbe.State.up("up");
            },
            () -> {
              hang();
              return HealthProbe.State.up("up");
            },
            Duration.ofSeconds(30),
            Duration.ofMillis(50));

    HealthProbe.Report report = probe.report();

    assertThat(report.httpStatus()).isEqualTo(503);
    assertThat(report.up())
        .containsEntry("database", true)
        .containsEntry("redis", false)
        .containsEntry("telegram", false);
    assertThat(report.json()).contains("no answer");
  }
}
