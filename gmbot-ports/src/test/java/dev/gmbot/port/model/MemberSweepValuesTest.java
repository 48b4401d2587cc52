package dev.gmbot.port.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Off-peak hours (parsing, windows across midnight and offsets) and a sweep's progress figures. */
class MemberSweepValuesTest {
  private static final Instant T = Instant.parse("2026-12-02T03:30:00Z");

  @Test
  void offPeakHoursAreParsedInTheirForms() {
    assertThat(OffPeakHours.parse("02-06")).contains(OffPeakHours.DEFAULT);
    assertThat(OffPeakHours.parse(" 2:00 - 6:00 ")).contains(OffPeakHours.DEFAULT);
    assertThat(OffPeakHours.parse("22-04 +03:00"))
        .contains(new OffPeakHours(22, 4, ZoneOffset.ofHours(3)));
    assertThat(OffPeakHours.parse("1-5 UTC-5"))
        .contains(new OffPeakHours(1, 5, ZoneOffset.ofHours(-5)));
    assertThat(OffPeakHours.parse("0-24")).contains(new OffPeakHours(0, 24, ZoneOffset.UTC));
    assertThat(OffPeakHours.parse("tonight")).isEmpty();
    assertThat(OffPeakHours.parse("25-03")).isEmpty();
    assertThat(OffPeakHours.parse("04-04")).isEmpty();
    assertThat(OffPeakHours.parse("02-06 +19:00")).isEmpty();
    assertThatThrownBy(() -> new OffPeakHours(3, 3, ZoneOffset.UTC))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aWindowIsInTheGroupsOffsetAndMayPassMidnight() {
    assertThat(OffPeakHours.DEFAULT.contains(T)).isTrue();
    assertThat(OffPeakHours.DEFAULT.contains(Instant.parse("2026-12-02T06:00:00Z"))).isFalse();
    assertThat(OffPeakHours.DEFAULT.windowStart(T))
        .isEqualTo(Instant.parse("2026-12-02T02:00:00Z"));
    OffPeakHours moscowNight = new OffPeakHours(22, 4, ZoneOffset.ofHours(3));
    // 03:30 UTC is 06:30 in Moscow: outside; 20:00 UTC is 23:00 there: inside.
    assertThat(moscowNight.contains(T)).isFalse();
    Instant evening = Instant.parse("2026-12-02T20:00:00Z");
    assertThat(moscowNight.contains(evening)).isTrue();
    assertThat(moscowNight.windowStart(evening)).isEqualTo(Instant.parse("2026-12-02T19:00:00Z"));
    Instant afterMidnight = Instant.parse("2026-12-02T23:30:00Z"); // 02:30 in Moscow
    assertThat(moscowNight.windowStart(afterMidnight))
        .isEqualTo(Instant.parse("2026-12-02T19:00:00Z"));
    assertThat(moscowNight.toString()).isEqualTo("22:00-04:00 UTC+03:00");
  }

  @Test
  void progressGivesRemainingRateAndExpectedEnd() {
    GroupId g = GroupId.of(-1001000000001L);
    MemberSweep s = MemberSweep.never(g, MemberSweep.Kind.ACTIVE).started(T, 100);
    for (int i = 0; i < 25; i++) {
      s = s.advanced(new MemberSweep.Position(Instant.EPOCH, i), true, false, i % 5 == 0);
    }
    Instant now = T.plusSeconds(5);
    assertThat(s.remaining()).isEqualTo(75);
    assertThat(s.restricted()).isEqualTo(5);
    assertThat(s.rate(now)).isEqualTo(5.0);
    assertThat(s.expectedEnd(now)).contains(now.plusSeconds(15));
    assertThat(s.percent()).isEqualTo(25);
    MemberSweep done = s.finished(now);
    assertThat(done.running()).isFalse();
    assertThat(done.remaining()).isZero();
    assertThat(done.expectedEnd(now)).isEmpty();
    assertThat(done.percent()).isEqualTo(100);
  }
}
