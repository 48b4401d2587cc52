package dev.gmbot.domain.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.domain.GuardFixture;
import dev.gmbot.port.in.ButtonPressed;
import dev.gmbot.port.in.HandlingResult;
import dev.gmbot.port.in.TextReceived;
import dev.gmbot.port.model.Button;
import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.UserRef;
import dev.gmbot.testkit.fake.FakeTelegram.SentMessage;
import java.util.List;
import java.util.Optional;

/**
 * A person using the settings menu in their private chat with the bot, in a {@link GuardFixture}.
 */
final class MenuDriver {
  private final GuardFixture world;
  private final UserRef person;
  private int presses;

  MenuDriver(GuardFixture world, UserRef person) {
    this.world = world;
    this.person = person;
  }

  ChatRef chat() {
    return ChatRef.privateChat(person);
  }

  /** Sends a command in the private chat. */
  HandlingResult sends(String command, String... args) {
    return world.handle(world.command(chat(), person, command, args));
  }

  /** Types a text (not a command) in the private chat. */
  HandlingResult types(String text) {
    return world.handle(
        new TextReceived(
            world.nextUpdateId(),
            world.clock.instant(),
            chat(),
            world.nextMessageId(),
            person,
            text));
  }

  /** Every message the bot sent in the private chat, as it is now (edits included). */
  List<SentMessage> messages() {
    return world.telegram.messagesIn(chat().id());
  }

  SentMessage last() {
    List<SentMessage> all = messages();
    assertThat(all).as("a message in the private chat").isNotEmpty();
    return all.get(all.size() - 1);
  }

  String lastText() {
    return last().message().text();
  }

  /** Presses the button with this label under the message. */
  HandlingResult presses(SentMessage message, String label) {
    return world.handle(press(message, label));
  }

  /** The press of the button with this label under the message, not yet handled. */
  ButtonPressed press(SentMessage message, String label) {
    return pressData(message, data(message, label));
  }

  /** A press carrying any data under the message. */
  ButtonPressed pressData(SentMessage message, String data) {
    presses++;
    return new ButtonPressed(
        world.nextUpdateId(),
        world.clock.instant(),
        "menu-" + person.id() + "-" + presses,
        person,
        Optional.of(chat()),
        Optional.of(message.id()),
        data);
  }

  /** The callback data of the button with this label. */
  static String data(SentMessage message, String label) {
    return message.message().keyboard().stream()
        .flatMap(List::stream)
        .filter(b -> b.text().equals(label))
        .findFirst()
        .map(
            b ->
                switch (b) {
                  case Button.Callback c -> c.data();
                  case Button.Url u -> throw new AssertionError(label + " opens " + u.url());
                })
        .orElseThrow(() -> new AssertionError("no button '" + label + "' in " + labels(message)));
  }

  static List<String> labels(SentMessage message) {
    return message.message().keyboard().stream().flatMap(List::stream).map(Button::text).toList();
  }
}
