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

  /**
   * Sends a picture with a caption ({@code sendPhoto}, uploaded as multipart/form-data).
   *
   * @param png the picture, PNG encoded
   * @param caption at most 1024 characters
   * @throws ChatAccessException when the bot may not send photos there (no right, restricted)
   */
  MessageId sendPhoto(ChatId chat, byte[] png, String caption);
}
