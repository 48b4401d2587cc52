package dev.gmbot.port.out;

import dev.gmbot.port.model.CallbackAnswer;
import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.MessageId;
import dev.gmbot.port.model.OutgoingMessage;

/** Messages the bot sends, edits, and its answers to pressed buttons. */
public interface ChatMessaging {
  MessageId send(ChatId chat, OutgoingMessage message);

  /** Replaces the text and keyboard of a message the bot sent. */
  void edit(ChatId chat, MessageId message, OutgoingMessage replacement);

  void answerCallback(CallbackAnswer answer);
}
