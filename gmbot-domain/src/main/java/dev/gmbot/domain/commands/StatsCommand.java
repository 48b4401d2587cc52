package dev.gmbot.domain.commands;

import dev.gmbot.domain.protection.Decision;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.out.AuditTrail;
import dev.gmbot.port.out.MemberRepository;
import java.util.List;
import java.util.Objects;

/** /stats: what GMBot did in the group lately (its last {@value #WINDOW} audited actions). */
final class StatsCommand implements Command {
  static final int WINDOW = 1000;

  private final AuditTrail audit;
  private final MemberRepository members;
  private final AdminAccess access;

  StatsCommand(AuditTrail audit, MemberRepository members, AdminAccess access) {
    this.audit = Objects.requireNonNull(audit, "audit");
    this.members = Objects.requireNonNull(members, "members");
    this.access = Objects.requireNonNull(access, "access");
  }

  @Override
  public List<Decision> decide(CommandRequest request) {
    return switch (access.check(request)) {
      case AdminAccess.Outcome.Refused refused -> request.reply(refused.reply());
      case AdminAccess.Outcome.Granted granted -> stats(request, granted.group());
    };
  }

  private List<Decision> stats(CommandRequest request, ProtectedGroup g) {
    Statistics statistics = Statistics.of(audit.recent(g.id(), WINDOW), members.counts(g.id()));
    return request.reply(request.texts().statistics(statistics));
  }
}
