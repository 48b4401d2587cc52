package dev.gmbot.domain.commands;

import dev.gmbot.domain.protection.Decision;
import dev.gmbot.domain.protection.Decision.ResumeGroup;
import dev.gmbot.port.model.ChatType;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.ProtectedGroup;
import java.util.List;
import java.util.Objects;

/**
 * /reactivate: re-checks the bot's rights in the group and in every linked channel; resumes a
 * paused group when all is well.
 */
final class ReactivateCommand implements Command {
  private final AdminAccess access;
  private final BotRightsCheck rights;

  ReactivateCommand(AdminAccess access, BotRightsCheck rights) {
    this.access = Objects.requireNonNull(access, "access");
    this.rights = Objects.requireNonNull(rights, "rights");
  }

  @Override
  public List<Decision> decide(CommandRequest request) {
    if (request.chat().type() == ChatType.GROUP) {
      return request.reply(request.texts().basicGroup());
    }
    return switch (access.check(request)) {
      case AdminAccess.Outcome.Refused refused -> request.reply(refused.reply());
      case AdminAccess.Outcome.Granted granted -> reactivate(request, granted.group());
    };
  }

  private List<Decision> reactivate(CommandRequest request, ProtectedGroup g) {
    CommandTexts texts = request.texts();
    Checklist checks = new Checklist(texts);
    rights.inGroup(g.id(), checks);
    for (EnforcedChannel channel : g.channels()) {
      rights.inChannel(channel, checks);
    }
    if (!checks.passed()) {
      return request.reply(texts.reactivateChecksFailed(checks.lines()));
    }
    if (g.isPaused()) {
      return List.of(
          new ResumeGroup(g.id()), request.answer(texts.protectionResumed(checks.lines())));
    }
    return request.reply(texts.protectionInOrder(checks.lines()));
  }
}
