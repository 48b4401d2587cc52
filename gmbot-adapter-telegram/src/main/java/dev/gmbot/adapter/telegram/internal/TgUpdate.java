package dev.gmbot.adapter.telegram.internal;

/**
 * Bot API {@code Update}: at most one payload is set. {@code otherType} names the payload of an
 * update type the adapter does not decode (e.g. {@code channel_post}), null otherwise. Decoded by
 * {@link TgUpdateAdapter}.
 */
public record TgUpdate(
    Long updateId,
    TgMessage message,
    TgMessage editedMessage,
    TgCallbackQuery callbackQuery,
    TgChatMemberUpdated chatMember,
    TgChatMemberUpdated myChatMember,
    TgChatJoinRequest chatJoinRequest,
    String otherType) {}
