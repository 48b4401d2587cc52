package dev.gmbot.domain.commands;

import dev.gmbot.domain.protection.BotSelf;
import dev.gmbot.domain.scheduling.BotCall;
import dev.gmbot.domain.scheduling.BotCallScheduler;
import dev.gmbot.domain.scheduling.Priority;
import dev.gmbot.port.in.ChannelReference;
import dev.gmbot.port.model.BotProfile;
import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.ChatInfo;
import dev.gmbot.port.model.ChatMember;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.BotMethod;
import dev.gmbot.port.out.ChatAccessException;
import dev.gmbot.port.out.ChatDirectory;
import dev.gmbot.port.out.MembershipLookup;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the commands ask Telegram while deciding, always fresh and always interactive (P0): a person
 * is waiting for the answer.
 */
final class TelegramReads {
  private final MembershipLookup lookup;
  private final ChatDirectory directory;
  private final BotCallScheduler scheduler;
  private final BotSelf self;

  TelegramReads(
      MembershipLookup lookup, ChatDirectory directory, BotCallScheduler scheduler, BotSelf self) {
    this.lookup = Objects.requireNonNull(lookup, "lookup");
    this.directory = Objects.requireNonNull(directory, "directory");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.self = Objects.requireNonNull(self, "self");
  }

  /** The user's membership of the chat (getChatMember). */
  ChatMember member(ChatId chat, UserId user) {
    return scheduler.submit(
        BotCall.to(chat, BotMethod.GET_CHAT_MEMBER, Priority.P0_INTERACTIVE),
        c -> lookup.getChatMember(c, user));
  }

  /** The bot's own membership of the chat; empty when Telegram refuses to tell. */
  Optional<ChatMember> bot(ChatId chat) {
    BotProfile me = self.profile();
    try {
      return Optional.of(member(chat, me.id()));
    } catch (ChatAccessException e) {
      return Optional.empty();
    }
  }

  /** Whether the bot administers the chat. */
  boolean botIsAdmin(ChatId chat) {
    return bot(chat).map(ChatMember::isAdmin).orElse(false);
  }

  /** The chat a reference names (getChat); empty when Telegram does not know it. */
  Optional<ChatInfo> chat(ChannelReference reference) {
    try {
      return Optional.of(
          switch (reference) {
            case ChannelReference.NumericId id ->
                scheduler.submit(
                    BotCall.to(id.id().chat(), BotMethod.GET_CHAT, Priority.P0_INTERACTIVE),
                    c -> directory.getChat(c));
            case ChannelReference.Username name ->
                scheduler.submit(
                    BotCall.withoutChat(BotMethod.GET_CHAT, Priority.P0_INTERACTIVE),
                    () -> directory.getChat(name.name()));
          });
    } catch (ChatAccessException e) {
      return Optional.empty();
    }
  }

  /** A new invite link of the bot's own for the channel; empty when the bot may not make one. */
  Optional<String> inviteLink(ChannelId channel) {
    try {
      return Optional.of(
          scheduler.submit(
              BotCall.to(
                  channel.chat(), BotMethod.CREATE_CHAT_INVITE_LINK, Priority.P0_INTERACTIVE),
              c -> directory.createInviteLink(ChannelId.of(c.value()))));
    } catch (ChatAccessException e) {
      return Optional.empty();
    }
  }

  /** The group's administrators, its creator included (getChatAdministrators). */
  List<ChatMember> administrators(GroupId group) {
    return scheduler.submit(
        BotCall.to(group.chat(), BotMethod.GET_CHAT_ADMINISTRATORS, Priority.P0_INTERACTIVE),
        c -> directory.getAdministrators(c));
  }
}
