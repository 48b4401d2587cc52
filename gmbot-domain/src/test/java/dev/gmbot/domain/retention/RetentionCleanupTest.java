package dev.gmbot.domain.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmbot.port.model.AuditEntry;
import dev.gmbot.port.model.Conversation;
import dev.gmbot.port.model.DailyCounter;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.UserId;
import dev.gmbot.testkit.fake.InMemoryRepositories;
import dev.gmbot.testkit.fake.MutableClock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetentionCleanupTest {
  private static final GroupId GROUP = GroupId.of(-1001000000001L);

  private final MutableClock clock = MutableClock.atEpochOfTests();
  private final InMemoryRepositories repos = new InMemoryRepositories();
  private final RetentionCleanup cleanup =
      new RetentionCleanup(repos.audit(), repos.conversations(), clock, Duration.ofDays(30));

  private void audit(Duration ago) {
    repos
        .audit()
        .record(
            new AuditEntry(
                clock.instant().minus(ago), GROUP, Optional.empty(), AuditEntry.Action.PAUSED, ""));
  }

  @Test
  void entriesPastTheRetentionAndExpiredConversationsAreDeleted() {
    audit(Duration.ofDays(31));
    audit(Duration.ofDays(29));
    repos
        .conversations()
        .save(
            new Conversation(
                UserId.of(1),
                GROUP,
                "prompt_text",
                Optional.empty(),
                clock.instant().minusSeconds(1)));
    repos
        .conversations()
        .save(
            new Conversation(
                UserId.of(2),
                GROUP,
                "prompt_text",
                Optional.empty(),
                clock.instant().plusSeconds(60)));

    assertThat(cleanup.cleanUp())
        .containsExactly(
            "deleted 1 audit entries older than PT720H", "deleted 1 expired menu conversations");
    assertThat(repos.auditEntries()).hasSize(1);
    assertThat(repos.conversations().find(UserId.of(2), clock.instant())).isPresent();
  }

  @Test
  void aSecondCallWithinTheIntervalDoesNothingAndOneAfterItDoesItsWork() {
    cleanup.cleanUp();
    audit(Duration.ofDays(40));

    assertThat(cleanup.cleanUp()).isEmpty();
    assertThat(repos.auditEntries()).hasSize(1);

    clock.advance(RetentionCleanup.MIN_INTERVAL);

    assertThat(cleanup.cleanUp()).hasSize(1);
    assertThat(repos.auditEntries()).isEmpty();
  }

  @Test
  void statisticsOlderThanTheirRetentionAreDeletedOnceADay() {
    RetentionCleanup withStatistics =
        new RetentionCleanup(
            repos.audit(),
            repos.conversations(),
            repos.dailyStatistics(),
            clock,
            Duration.ofDays(30));
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    LocalDate oldest = today.minusDays(RetentionCleanup.STATISTICS_RETENTION);
    repos.dailyStatistics().add(GROUP, oldest.minusDays(1), Map.of(DailyCounter.JOINS, 1L));
    repos.dailyStatistics().add(GROUP, oldest, Map.of(DailyCounter.JOINS, 2L));

    assertThat(withStatistics.cleanUp())
        .containsExactly("deleted 1 days of /stats counters older than 400 days");
    assertThat(repos.dailyStatistics().days(GROUP, oldest.minusDays(1), oldest))
        .extracting(f -> f.get(DailyCounter.JOINS))
        .containsExactly(0L, 2L);

    // Later the same day: the counters are not scanned again.
    repos.dailyStatistics().add(GROUP, oldest.minusDays(5), Map.of(DailyCounter.JOINS, 1L));
    clock.advance(RetentionCleanup.MIN_INTERVAL);
    withStatistics.cleanUp();
    assertThat(repos.dailyStatistics().days(GROUP, oldest.minusDays(5), oldest.minusDays(5)))
        .extracting(f -> f.get(DailyCounter.JOINS))
        .containsExactly(1L);
  }

  @Test
  void aRetentionOutsideItsRangeIsRefused() {
    assertThatThrownBy(
            () ->
                new RetentionCleanup(
                    repos.audit(), repos.conversations(), clock, Duration.ofMinutes(59)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new RetentionCleanup(
                    repos.audit(), repos.conversations(), clock, Duration.ofDays(3651)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
