package dev.gmbot.domain.commands;

import dev.gmbot.domain.protection.Decision;
import dev.gmbot.port.model.OffPeakHours;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.out.MemberSweeps;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * /offpeak, in a group, for its admins (issue 16, ADR 0024): without arguments it shows the group's
 * off-peak hours, in which its active members are verified in the background; {@code /offpeak
 * 02-06} or {@code /offpeak 22-04 +03:00} sets them (hours in the given offset from UTC; default
 * 02:00-06:00 UTC).
 */
final class OffPeakCommand implements Command {
  private final AdminAccess access;
  private final MemberSweeps sweeps;

  OffPeakCommand(AdminAccess access, MemberSweeps sweeps) {
    this.access = Objects.requireNonNull(access, "access");
    this.sweeps = Objects.requireNonNull(sweeps, "sweeps");
  }

  @Override
  public List<Decision> decide(CommandRequest request) {
    if (!request.chat().type().isGroup()) {
      return request.reply(request.texts().inGroupOnly());
    }
    return switch (access.check(request)) {
      case AdminAccess.Outcome.Refused refused -> request.reply(refused.reply());
      case AdminAccess.Outcome.Granted granted -> decide(request, granted.group());
    };
  }

  private List<Decision> decide(CommandRequest request, ProtectedGroup g) {
    CommandTexts texts = request.texts();
    if (request.args().isEmpty()) {
      return request.reply(texts.offPeakShown(sweeps.offPeak(g.id())));
    }
    Optional<OffPeakHours> hours = OffPeakHours.parse(String.join(" ", request.args()));
    if (hours.isEmpty()) {
      return request.reply(texts.offPeakUsage());
    }
    List<Decision> decisions = new ArrayList<>();
    decisions.add(new Decision.SetOffPeak(g.id(), hours.get()));
    decisions.addAll(request.reply(texts.offPeakSaved(hours.get())));
    return decisions;
  }
}
