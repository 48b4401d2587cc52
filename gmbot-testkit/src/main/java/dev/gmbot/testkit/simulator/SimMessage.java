package dev.gmbot.testkit.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A snapshot of a message in a simulated chat.
 *
 * @param chatId the chat
 * @param messageId the id inside the chat
 * @param fromId the sender's user id (the fake sender for anonymous/channel senders)
 * @param senderChatId the chat the message was sent on behalf of, if any
 * @param text the text ("" for service messages)
 * @param keyboard the inline keyboard rows
 * @param date when it was sent
 * @param edited whether it was edited
 * @param deleted whether it was deleted
 * @param service a service-message kind ("new_chat_members", "left_chat_member", ...) or empty
 */
public record SimMessage(
    long chatId,
    long messageId,
    long fromId,
    Optional<Long> senderChatId,
    String text,
    List<List<SimButton>> keyboard,
    Instant date,
    boolean edited,
    boolean deleted,
    Optional<String> service) {

  /** The button with this text. */
  public Optional<SimButton> button(String buttonText) {
    return keyboard.stream()
        .flatMap(List::stream)
        .filter(b -> b.text().equals(buttonText))
        .findFirst();
  }

  public boolean hasKeyboard() {
    return !keyboard.isEmpty();
  }
}
