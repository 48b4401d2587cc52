package dev.gmbot.domain.commands;

import dev.gmbot.domain.i18n.Catalogue;
import dev.gmbot.domain.i18n.Catalogue.Phrase;
import dev.gmbot.port.model.DailyCounter;
import dev.gmbot.port.model.DailyFigures;
import dev.gmbot.port.model.Language;
import dev.gmbot.port.model.StatsChartData;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The words of the /stats picture, its caption and its text fallback, from the {@code stats}
 * catalogue of one language (a bundle of its own: these messages change with the chart, not with
 * the other commands).
 */
final class StatsTexts {
  private final Catalogue c;

  private StatsTexts(Catalogue catalogue) {
    this.c = catalogue;
  }

  static StatsTexts in(Language language) {
    return new StatsTexts(Catalogue.of("stats", language));
  }

  /** The lines of the picture, named in this language. */
  StatsChartData chart(String group, DailyReport report) {
    return new StatsChartData(
        c.text("chart.title", "group", group, "days", report.days().size()),
        report.dates(),
        List.of(
            series("series.joins", report, DailyCounter.JOINS),
            series("series.restricted", report, DailyCounter.RESTRICTED),
            series("series.verified_button", report, DailyCounter.VERIFIED_BY_BUTTON),
            series("series.verified_auto", report, DailyCounter.VERIFIED_AUTOMATICALLY),
            series("series.deleted", report, DailyCounter.MESSAGES_DELETED)));
  }

  private StatsChartData.Series series(String key, DailyReport report, DailyCounter counter) {
    return new StatsChartData.Series(c.text(key), report.series(counter));
  }

  /** Today's figures and the period's two rates (well under Telegram's 1024 characters). */
  String caption(DailyReport report) {
    DailyFigures today = report.today();
    return c.text(
        "caption",
        "date",
        today.day().toString(),
        "joins",
        today.get(DailyCounter.JOINS),
        "restricted",
        today.get(DailyCounter.RESTRICTED),
        "verified",
        DailyReport.verified(today),
        "by_button",
        today.get(DailyCounter.VERIFIED_BY_BUTTON),
        "automatically",
        today.get(DailyCounter.VERIFIED_AUTOMATICALLY),
        "deleted",
        today.get(DailyCounter.MESSAGES_DELETED),
        "days",
        report.days().size(),
        "success",
        new Phrase(rate("rate.checks", report.successPercent(), report.total(DailyCounter.CHECKS))),
        "cache",
        new Phrase(
            rate(
                "rate.answers",
                report.cachePercent(),
                report.total(DailyCounter.CHANNEL_ANSWERS))));
  }

  private String rate(String key, OptionalLong percent, long total) {
    return percent.isEmpty()
        ? c.text("rate.none")
        : c.text(key, "percent", percent.getAsLong(), "total", total);
  }

  /** The caption and every day as a line of text: for a chat where the bot may not send photos. */
  String fallback(DailyReport report) {
    String lines =
        report.days().stream()
            .map(
                d ->
                    c.text(
                        "fallback.day",
                        "date",
                        d.day().toString(),
                        "joins",
                        d.get(DailyCounter.JOINS),
                        "restricted",
                        d.get(DailyCounter.RESTRICTED),
                        "verified",
                        DailyReport.verified(d),
                        "deleted",
                        d.get(DailyCounter.MESSAGES_DELETED)))
            .collect(Collectors.joining("\n"));
    return caption(report)
        + "\n\n"
        + c.text("fallback", "days", report.days().size(), "lines", new Phrase(lines));
  }
}
