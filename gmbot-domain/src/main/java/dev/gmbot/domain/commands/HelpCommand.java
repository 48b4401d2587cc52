package dev.gmbot.domain.commands;

import dev.gmbot.domain.protection.Decision;
import java.util.List;
import java.util.Objects;

/** /help: every command and setting, anywhere. */
final class HelpCommand implements Command {
  private final CommandTexts texts;

  HelpCommand(CommandTexts texts) {
    this.texts = Objects.requireNonNull(texts, "texts");
  }

  @Override
  public List<Decision> decide(CommandRequest request) {
    return request.reply(texts.help());
  }
}
