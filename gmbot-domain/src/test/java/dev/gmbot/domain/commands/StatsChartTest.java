package dev.gmbot.domain.commands;

import static dev.gmbot.domain.GuardFixture.ALICE;
import static dev.gmbot.domain.GuardFixture.BOB;
import static dev.gmbot.domain.GuardFixture.CHANNEL;
import static dev.gmbot.domain.GuardFixture.GROUP;
import static dev.gmbot.domain.GuardFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.domain.GuardFixture;
import dev.gmbot.port.model.DailyCounter;
import dev.gmbot.port.model.DailyFigures;
import dev.gmbot.port.model.Language;
import dev.gmbot.port.model.MessageId;
import dev.gmbot.port.model.StatsChartData;
import dev.gmbot.port.out.ChatAccessException;
import dev.gmbot.testkit.fake.FakeTelegram;
import dev.gmbot.testkit.fake.RecordingStatsChart;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * /stats with daily figures: counted where the guard acts, drawn as a picture, text as fallback.
 */
class StatsChartTest {
  private final RecordingStatsChart chart = new RecordingStatsChart();
  private final GuardFixture world = new GuardFixture(chart).protectedGroup();

  private LocalDate today() {
    return LocalDate.ofInstant(world.clock.instant(), ZoneOffset.UTC);
  }

  /**
   * Alice joins unsubscribed (restricted), subscribes and presses the button; Bob joins subscribed.
   */
  private void aBusyMorning() {
    world.handle(world.joins(GROUP, ALICE));
    MessageId prompt = world.repos.prompts().naming(GROUP.groupId(), ALICE.id()).get(0).message();
    world.subscribe(ALICE, CHANNEL);
    world.handle(world.presses(ALICE, "verify:101", Optional.of(prompt)));
    world.subscribe(BOB, CHANNEL);
    world.handle(world.joins(GROUP, BOB));
  }

  @Test
  void theGuardCountsJoinsRestrictionsVerificationsAndChecksPerDay() {
    aBusyMorning();

    DailyFigures todays =
        world.repos.dailyStatistics().days(GROUP.groupId(), today(), today()).get(0);
    assertThat(todays.get(DailyCounter.JOINS)).isEqualTo(2);
    assertThat(todays.get(DailyCounter.RESTRICTED)).isEqualTo(1);
    assertThat(todays.get(DailyCounter.VERIFIED_BY_BUTTON)).isEqualTo(1);
    assertThat(todays.get(DailyCounter.VERIFIED_AUTOMATICALLY)).isZero();
    assertThat(todays.get(DailyCounter.CHECKS)).isEqualTo(3);
    assertThat(todays.get(DailyCounter.CHECKS_PASSED)).isEqualTo(2);
    assertThat(todays.get(DailyCounter.CHANNEL_ANSWERS)).isEqualTo(3);
  }

  @Test
  void anAdminGetsThePictureOfTheLastFourteenDaysWithTodaysFiguresInTheCaption() {
    aBusyMorning();

    world.handle(world.command(GROUP, OWNER, "stats"));

    List<FakeTelegram.SentPhoto> photos = world.telegram.photos();
    assertThat(photos).hasSize(1);
    assertThat(photos.get(0).chat()).isEqualTo(GROUP.id());
    assertThat(photos.get(0).png()).isEqualTo(RecordingStatsChart.BYTES);
    assertThat(photos.get(0).caption())
        .startsWith("📊 Today (" + today() + "): joined 2, restricted 1, verified 1")
        .contains("(1 by button, 0 automatically)")
        .contains("Checks passed in 14 days: 67% of 3 checks")
        .contains("Answered from the cache: 0% of 3 answers");
    StatsChartData drawn = chart.drawn().get(0);
    assertThat(drawn.days()).hasSize(14).endsWith(today());
    assertThat(drawn.days().get(0)).isEqualTo(today().minusDays(13));
    assertThat(drawn.series())
        .extracting(StatsChartData.Series::label)
        .containsExactly(
            "Joined",
            "Restricted",
            "Verified by button",
            "Verified automatically",
            "Messages deleted");
    assertThat(drawn.series().get(0).values()).endsWith(2L).startsWith(0L);
  }

  @Test
  void aMemberWhoIsNotAnAdminIsRefusedAndGetsNoPicture() {
    world.handle(world.command(GROUP, BOB, "stats"));

    assertThat(world.telegram.photos()).isEmpty();
    assertThat(chart.drawn()).isEmpty();
    assertThat(world.telegram.messagesIn(GROUP.id())).isNotEmpty();
  }

  @Test
  void whereTheBotMayNotSendPhotosTheFiguresComeAsText() {
    aBusyMorning();
    world.telegram.failNext(
        "sendPhoto",
        new ChatAccessException(
            "sendPhoto",
            GROUP.id(),
            ChatAccessException.Problem.NOT_ENOUGH_RIGHTS,
            "Bad Request: not enough rights to send photos to the chat"));

    world.handle(world.command(GROUP, OWNER, "stats"));

    List<FakeTelegram.SentMessage> sent = world.telegram.messagesIn(GROUP.id());
    String text = sent.get(sent.size() - 1).message().text();
    assertThat(text)
        .startsWith("📊 Today (")
        .contains("📊 The last 14 days, day by day:")
        .contains(today() + ": joined 2, restricted 1, verified 1, deleted 0")
        .contains(today().minusDays(13) + ": joined 0, restricted 0, verified 0, deleted 0");
    assertThat(world.telegram.photos()).isEmpty();
  }

  @Test
  void aPictureThatCannotBeDrawnBecomesText() {
    chart.breakIt();

    world.handle(world.command(GROUP, OWNER, "stats"));

    List<FakeTelegram.SentMessage> sent = world.telegram.messagesIn(GROUP.id());
    assertThat(sent.get(sent.size() - 1).message().text())
        .contains("no checks yet")
        .contains("The last 14 days");
    assertThat(world.telegram.count("sendPhoto", c -> true)).isZero();
  }

  @Test
  void theCaptionIsWrittenInTheGroupsLanguage() {
    DailyReport report =
        new DailyReport(
            List.of(
                new DailyFigures(
                    today(),
                    java.util.Map.of(
                        DailyCounter.CHECKS, 4L,
                        DailyCounter.CHECKS_PASSED, 3L,
                        DailyCounter.CHANNEL_ANSWERS, 2L,
                        DailyCounter.CACHE_ANSWERS, 1L))));

    assertThat(StatsTexts.in(Language.RUSSIAN).caption(report))
        .contains("75% из 4 проверок")
        .contains("50% из 2 ответов");
    assertThat(StatsTexts.in(Language.ARABIC).caption(report)).contains("\u2068");
  }

  @Test
  void withoutDailyFiguresStatsAnswersWithTheAuditCountsAsBefore() {
    GuardFixture plain = new GuardFixture().protectedGroup();
    plain.handle(plain.joins(GROUP, ALICE));

    plain.handle(plain.command(GROUP, OWNER, "stats"));

    assertThat(plain.telegram.photos()).isEmpty();
    List<FakeTelegram.SentMessage> sent = plain.telegram.messagesIn(GROUP.id());
    assertThat(sent.get(sent.size() - 1).message().text()).contains("restricted: 1");
  }
}
