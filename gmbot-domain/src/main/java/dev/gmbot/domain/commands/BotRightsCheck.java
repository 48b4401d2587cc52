package dev.gmbot.domain.commands;

import dev.gmbot.domain.protection.GroupRight;
import dev.gmbot.port.model.ChatMember;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.GroupId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether the bot can do its job where protection needs it: an administrator of the group with the
 * rights to restrict members, delete messages and invite users; an administrator of each linked
 * channel. Each check adds its line to a {@link Checklist}.
 */
final class BotRightsCheck {
  private final TelegramReads telegram;

  BotRightsCheck(TelegramReads telegram) {
    this.telegram = Objects.requireNonNull(telegram, "telegram");
  }

  boolean inGroup(GroupId group, Checklist checks) {
    CommandTexts texts = checks.texts();
    Optional<ChatMember> bot = telegram.bot(group.chat());
    if (bot.isEmpty() || !bot.get().isAdmin()) {
      return checks.fail(texts.botNotAdminInGroup());
    }
    List<GroupRight> missing = GroupRight.missingIn(bot.get().rights());
    if (!missing.isEmpty()) {
      return checks.fail(texts.botLacksGroupRights(missing));
    }
    return checks.pass(texts.botAdminInGroup());
  }

  /** A channel already linked (/reactivate). */
  boolean inChannel(EnforcedChannel channel, Checklist checks) {
    CommandTexts texts = checks.texts();
    return telegram.botIsAdmin(channel.id().chat())
        ? checks.pass(texts.botAdminIn(channel.displayName()))
        : checks.fail(texts.botNotAdminIn(channel.displayName()));
  }
}
