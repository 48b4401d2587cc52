package dev.gmbot.domain.commands;

import dev.gmbot.domain.protection.Decision;
import java.util.List;

/** /help: every command and setting, anywhere. */
final class HelpCommand implements Command {
  @Override
  public List<Decision> decide(CommandRequest request) {
    return request.reply(request.texts().help());
  }
}
