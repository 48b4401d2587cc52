package dev.gmbot.domain.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.domain.GuardFixture;
import dev.gmbot.port.in.CommandIssued;
import dev.gmbot.port.model.ChatId;
import dev.gmbot.testkit.fake.FakeTelegram;
import java.util.List;

/** A fresh world per test, and the bot's last reply to a command. */
abstract class CommandTestBase {
  final GuardFixture world = new GuardFixture();

  String lastReplyIn(ChatId chat) {
    List<FakeTelegram.SentMessage> sent = world.telegram.messagesIn(chat);
    assertThat(sent).as("a reply in " + chat).isNotEmpty();
    return sent.get(sent.size() - 1).message().text();
  }

  /** Handles the command and returns the last reply in its chat. */
  String run(CommandIssued command) {
    world.handle(command);
    return lastReplyIn(command.chat().id());
  }
}
