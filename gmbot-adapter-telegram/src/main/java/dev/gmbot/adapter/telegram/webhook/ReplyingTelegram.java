package dev.gmbot.adapter.telegram.webhook;

import dev.gmbot.port.model.BotProfile;
import dev.gmbot.port.model.CallbackAnswer;
import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.ChatInfo;
import dev.gmbot.port.model.ChatMember;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.MessageId;
import dev.gmbot.port.model.OutgoingMessage;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.BotIdentity;
import dev.gmbot.port.out.ChatDirectory;
import dev.gmbot.port.out.ChatMessaging;
import dev.gmbot.port.out.ChatModeration;
import dev.gmbot.port.out.MembershipLookup;
import java.util.List;
import java.util.Objects;

/**
 * The Telegram-facing ports with webhook replies: {@code answerCallbackQuery} and {@code
 * deleteMessage} go through the {@link WebhookReplySlot} (held, and sent by Telegram itself when
 * they turn out to be the invocation's last state-changing call); every other state-changing call
 * first sends a held call; reads pass straight through.
 *
 * <p>It sits below the rate scheduler (the scheduler calls these ports), so a held call has passed
 * its meters like any other call.
 */
public final class ReplyingTelegram
    implements ChatMessaging, ChatModeration, MembershipLookup, ChatDirectory, BotIdentity {
  private final WebhookReplySlot slot;
  private final ChatMessaging messaging;
  private final ChatModeration moderation;
  private final MembershipLookup lookup;
  private final ChatDirectory directory;
  private final BotIdentity identity;

  public ReplyingTelegram(
      WebhookReplySlot slot,
      ChatMessaging messaging,
      ChatModeration moderation,
      MembershipLookup lookup,
      ChatDirectory directory,
      BotIdentity identity) {
    this.slot = Objects.requireNonNull(slot, "slot");
    this.messaging = Objects.requireNonNull(messaging, "messaging");
    this.moderation = Objects.requireNonNull(moderation, "moderation");
    this.lookup = Objects.requireNonNull(lookup, "lookup");
    this.directory = Objects.requireNonNull(directory, "directory");
    this.identity = Objects.requireNonNull(identity, "identity");
  }

  // ---- fire-and-forget: may travel in the response ---------------------------------------

  @Override
  public void answerCallback(CallbackAnswer answer) {
    if (!slot.offer(
        BotMethodCall.answerCallbackQuery(answer), () -> messaging.answerCallback(answer))) {
      messaging.answerCallback(answer);
    }
  }

  @Override
  public void deleteMessage(ChatId chat, MessageId message) {
    if (!slot.offer(
        BotMethodCall.deleteMessage(chat, message),
        () -> moderation.deleteMessage(chat, message))) {
      moderation.deleteMessage(chat, message);
    }
  }

  // ---- state-changing: a held call goes first --------------------------------------------

  @Override
  public MessageId send(ChatId chat, OutgoingMessage message) {
    slot.beforeWrite();
    return messaging.send(chat, message);
  }

  /** A file upload never fits a webhook reply: always its own multipart request. */
  @Override
  public MessageId sendPhoto(ChatId chat, byte[] png, String caption) {
    slot.beforeWrite();
    return messaging.sendPhoto(chat, png, caption);
  }

  @Override
  public void edit(ChatId chat, MessageId message, OutgoingMessage replacement) {
    slot.beforeWrite();
    messaging.edit(chat, message, replacement);
  }

  @Override
  public void restrict(GroupId group, UserId user) {
    slot.beforeWrite();
    moderation.restrict(group, user);
  }

  @Override
  public void lift(GroupId group, UserId user) {
    slot.beforeWrite();
    moderation.lift(group, user);
  }

  @Override
  public void ban(GroupId group, UserId user) {
    slot.beforeWrite();
    moderation.ban(group, user);
  }

  @Override
  public void unban(GroupId group, UserId user) {
    slot.beforeWrite();
    moderation.unban(group, user);
  }

  @Override
  public void approveJoinRequest(ChatId chat, UserId user) {
    slot.beforeWrite();
    moderation.approveJoinRequest(chat, user);
  }

  @Override
  public void declineJoinRequest(ChatId chat, UserId user) {
    slot.beforeWrite();
    moderation.declineJoinRequest(chat, user);
  }

  @Override
  public String createInviteLink(ChannelId channel) {
    slot.beforeWrite();
    return directory.createInviteLink(channel);
  }

  // ---- reads: order with a held call does not matter -------------------------------------

  @Override
  public ChatMember getChatMember(ChatId chat, UserId user) {
    return lookup.getChatMember(chat, user);
  }

  @Override
  public ChatInfo getChat(ChatId chat) {
    return directory.getChat(chat);
  }

  @Override
  public ChatInfo getChat(String username) {
    return directory.getChat(username);
  }

  @Override
  public List<ChatMember> getAdministrators(ChatId chat) {
    return directory.getAdministrators(chat);
  }

  @Override
  public BotProfile me() {
    return identity.me();
  }
}
