package dev.gmbot.domain.commands;

import dev.gmbot.domain.protection.Decision;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.out.AuditTrail;
import dev.gmbot.port.out.DailyStatistics;
import dev.gmbot.port.out.MemberRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * /stats: what GMBot did in the group lately. With daily figures kept ({@link DailyStatistics}), a
 * picture of the last {@value #DAYS} UTC days and a caption with today's figures (in text where the
 * bot may not send photos); without, the counts of its last {@value #WINDOW} audited actions.
 */
final class StatsCommand implements Command {
  static final int WINDOW = 1000;
  static final int DAYS = 14;

  private final AuditTrail audit;
  private final MemberRepository members;
  private final DailyStatistics daily;
  private final AdminAccess access;
  private final Clock clock;

  StatsCommand(
      AuditTrail audit,
      MemberRepository members,
      DailyStatistics daily,
      AdminAccess access,
      Clock clock) {
    this.audit = Objects.requireNonNull(audit, "audit");
    this.members = Objects.requireNonNull(members, "members");
    this.daily = Objects.requireNonNull(daily, "daily");
    this.access = Objects.requireNonNull(access, "access");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public List<Decision> decide(CommandRequest request) {
    return switch (access.check(request)) {
      case AdminAccess.Outcome.Refused refused -> request.reply(refused.reply());
      case AdminAccess.Outcome.Granted granted -> stats(request, granted.group());
    };
  }

  private List<Decision> stats(CommandRequest request, ProtectedGroup g) {
    if (!daily.keeps()) {
      Statistics statistics = Statistics.of(audit.recent(g.id(), WINDOW), members.counts(g.id()));
      return request.reply(request.texts().statistics(statistics));
    }
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    DailyReport report = new DailyReport(daily.days(g.id(), today.minusDays(DAYS - 1), today));
    StatsTexts texts = StatsTexts.in(request.texts().language());
    return List.of(
        new Decision.SendChart(
            request.chat().id(),
            texts.chart(g.title(), report),
            texts.caption(report),
            request.answer(texts.fallback(report)).message()));
  }
}
