package dev.gmbot.port.out;

import java.util.stream.Stream;

/**
 * The Bot API methods GMBot calls, each with its wire name. A message call ({@code send*}, {@code
 * edit*}, {@code copy*}, {@code forward*}) posts or changes a message and counts against Telegram's
 * message limits; every other method is a control call.
 */
public enum BotMethod {
  GET_ME("getMe"),
  GET_CHAT("getChat"),
  GET_CHAT_MEMBER("getChatMember"),
  GET_CHAT_ADMINISTRATORS("getChatAdministrators"),
  CREATE_CHAT_INVITE_LINK("createChatInviteLink"),
  RESTRICT_CHAT_MEMBER("restrictChatMember"),
  BAN_CHAT_MEMBER("banChatMember"),
  UNBAN_CHAT_MEMBER("unbanChatMember"),
  DELETE_MESSAGE("deleteMessage"),
  APPROVE_CHAT_JOIN_REQUEST("approveChatJoinRequest"),
  DECLINE_CHAT_JOIN_REQUEST("declineChatJoinRequest"),
  SEND_MESSAGE("sendMessage"),
  SEND_PHOTO("sendPhoto"),
  EDIT_MESSAGE_TEXT("editMessageText"),
  ANSWER_CALLBACK_QUERY("answerCallbackQuery"),
  GET_UPDATES("getUpdates"),
  SET_WEBHOOK("setWebhook"),
  DELETE_WEBHOOK("deleteWebhook"),
  GET_WEBHOOK_INFO("getWebhookInfo"),
  SET_MY_COMMANDS("setMyCommands");

  private final String wireName;
  private final boolean message;

  BotMethod(String wireName) {
    this.wireName = wireName;
    this.message = Stream.of("send", "edit", "copy", "forward").anyMatch(wireName::startsWith);
  }

  /** The name in the request path (and in Telegram's documentation), e.g. {@code sendMessage}. */
  public String wireName() {
    return wireName;
  }

  /** True for calls that post or change a message (metered); false for control calls. */
  public boolean isMessage() {
    return message;
  }

  /** The wire name, so that logs, effect lines and metric labels read as before. */
  @Override
  public String toString() {
    return wireName;
  }
}
