package dev.gmbot.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmbot.testkit.fake.RecordingMetrics;
import io.lettuce.core.RedisConnectionException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutageTest {
  private final RecordingMetrics metrics = new RecordingMetrics();
  private final RedisConnectionException refused = new RedisConnectionException("refused");

  @Test
  void anOutageBeginsOnceHowEverManyOperationsFallBack() {
    Outage outage = new Outage(Duration.ofHours(1), "update_log", metrics, "local dedup");

    outage.fellBack(refused);
    outage.fellBack(refused);
    outage.fellBack(refused);

    assertThat(outage.isDown()).isTrue();
    assertThat(outage.started()).isEqualTo(1);
    assertThat(metrics.count("fallback.update_log")).isEqualTo(3);
  }

  @Test
  void whileDownOperationsSkipRedisUntilTheNextProbe() {
    Outage outage = new Outage(Duration.ofHours(1), "leases", metrics, "keep");
    assertThatCode(outage::check).doesNotThrowAnyException();

    outage.fellBack(refused);

    assertThatThrownBy(outage::check).isInstanceOf(Outage.Skipped.class);
  }

  @Test
  void onceTheProbeIntervalPassedOneOperationProbes() {
    Outage outage = new Outage(Duration.ofNanos(1), "leases", metrics, "keep");
    outage.fellBack(refused);

    assertThatCode(outage::check).doesNotThrowAnyException();
  }

  @Test
  void aSuccessEndsTheOutageAndTheNextFailureBeginsAnother() {
    Outage outage = new Outage(Duration.ofHours(1), "rate_limits", metrics, "local");
    outage.fellBack(refused);

    outage.succeeded();

    assertThat(outage.isDown()).isFalse();
    assertThatCode(outage::check).doesNotThrowAnyException();
    outage.fellBack(refused);
    assertThat(outage.started()).isEqualTo(2);
  }
}
