package dev.gmbot.domain.commands;

import dev.gmbot.domain.protection.Decision;
import dev.gmbot.domain.protection.Decision.ClearPrompts;
import dev.gmbot.domain.protection.Decision.Lift;
import dev.gmbot.domain.protection.Decision.UnprotectGroup;
import dev.gmbot.domain.scheduling.Priority;
import dev.gmbot.port.in.ChannelReference;
import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.MemberRepository;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * /unprotect [@channel… | all]: unlinks the named channels, or all of them (no argument, or {@code
 * all}); when protection ends, GMBot lifts the mutes it made (P2, at most {@value #MAX_LIFTS}).
 */
final class UnprotectCommand implements Command {
  static final int MAX_LIFTS = 1000;
  private static final String ALL = "all";

  private final MemberRepository members;
  private final AdminAccess access;

  UnprotectCommand(MemberRepository members, AdminAccess access) {
    this.members = Objects.requireNonNull(members, "members");
    this.access = Objects.requireNonNull(access, "access");
  }

  @Override
  public List<Decision> decide(CommandRequest request) {
    return switch (access.check(request)) {
      case AdminAccess.Outcome.Refused refused -> request.reply(refused.reply());
      case AdminAccess.Outcome.Granted granted -> unprotect(request, granted.group());
    };
  }

  private List<Decision> unprotect(CommandRequest request, ProtectedGroup g) {
    CommandTexts texts = request.texts();
    boolean all =
        request.args().isEmpty() || request.args().stream().anyMatch(ALL::equalsIgnoreCase);
    Set<ChannelId> removed = new LinkedHashSet<>();
    if (!all) {
      for (String arg : request.args()) {
        Optional<EnforcedChannel> linked =
            ChannelReference.parse(arg)
                .flatMap(reference -> g.channels().stream().filter(reference::names).findFirst());
        if (linked.isEmpty()) {
          return request.reply(texts.notRequiredHere(arg, g.channels()));
        }
        removed.add(linked.get().id());
      }
      all = removed.size() == g.channels().size();
    }
    List<Decision> decisions = new ArrayList<>();
    if (!all) {
      decisions.add(new UnprotectGroup(g.id(), removed));
      List<EnforcedChannel> rest =
          g.channels().stream().filter(c -> !removed.contains(c.id())).toList();
      decisions.add(request.answer(texts.stillRequired(rest)));
      return decisions;
    }
    List<UserId> restricted = members.restricted(g.id(), MAX_LIFTS);
    decisions.add(new UnprotectGroup(g.id(), Set.of()));
    decisions.add(request.answer(texts.protectionDisabled(restricted.size())));
    for (UserId user : restricted) {
      decisions.add(new Lift(g.id(), user, Priority.P2_BACKGROUND, "protection ended"));
      decisions.add(new ClearPrompts(g.id(), user, g.channels(), g.settings()));
    }
    return decisions;
  }
}
