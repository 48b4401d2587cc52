package dev.gmbot.domain.commands;

import dev.gmbot.domain.protection.BotSelf;
import dev.gmbot.domain.protection.Decision;
import dev.gmbot.port.model.Button;
import dev.gmbot.port.model.ChatType;
import dev.gmbot.port.model.Language;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * /audit: what GMBot did in a group lately (who, what, why, when), page by page, in the private
 * chat. In private it shows the log of the group the person administers (or the groups to pick
 * from); in a group an admin gets a button that opens the group's log in private ({@link
 * DeepLink}), so the log never shows in the group.
 */
final class AuditCommand implements Command {
  private final AdminAccess access;
  private final Function<Language, MenuTexts> texts;
  private final MenuEntrances menu;
  private final BotSelf self;

  AuditCommand(
      AdminAccess access, Function<Language, MenuTexts> texts, MenuEntrances menu, BotSelf self) {
    this.access = Objects.requireNonNull(access, "access");
    this.texts = Objects.requireNonNull(texts, "texts");
    this.menu = Objects.requireNonNull(menu, "menu");
    this.self = Objects.requireNonNull(self, "self");
  }

  @Override
  public List<Decision> decide(CommandRequest request) {
    if (request.chat().type() == ChatType.PRIVATE) {
      return menu.audit(request);
    }
    return switch (access.check(request)) {
      case AdminAccess.Outcome.Refused refused -> request.reply(refused.reply());
      case AdminAccess.Outcome.Granted granted -> {
        String link = new DeepLink(DeepLink.Target.AUDIT, granted.group().id()).url(self.profile());
        MenuTexts texts = this.texts.apply(request.texts().language());
        yield List.of(
            request.answer(
                texts.auditInPrivate(),
                List.of(List.of(new Button.Url(texts.openAuditButton(), link)))));
      }
    };
  }
}
