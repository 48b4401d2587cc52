package dev.gmbot.adapter.telegram.webhook;

import dev.gmbot.port.in.BotMemberChanged;
import dev.gmbot.port.in.ButtonPressed;
import dev.gmbot.port.in.ChannelMemberChanged;
import dev.gmbot.port.in.CommandIssued;
import dev.gmbot.port.in.GroupMemberChanged;
import dev.gmbot.port.in.GroupMigrated;
import dev.gmbot.port.in.InboundEvent;
import dev.gmbot.port.in.JoinRequested;
import dev.gmbot.port.in.MembersJoined;
import dev.gmbot.port.in.MessagePosted;
import dev.gmbot.port.in.TextReceived;
import java.util.OptionalLong;

/** The chat an event is about, for logs: an id, never a title or a text. */
final class EventChats {
  private EventChats() {}

  /**
   * The group, channel or private chat the event happened in; a migration names the old group; a
   * button press on an inaccessible message names none.
   */
  static OptionalLong chatOf(InboundEvent event) {
    return switch (event) {
      case MembersJoined e -> OptionalLong.of(e.group().id().value());
      case GroupMemberChanged e -> OptionalLong.of(e.group().id().value());
      case MessagePosted e -> OptionalLong.of(e.chat().id().value());
      case ButtonPressed e ->
          e.chat().map(c -> OptionalLong.of(c.id().value())).orElse(OptionalLong.empty());
      case ChannelMemberChanged e -> OptionalLong.of(e.channel().id().value());
      case BotMemberChanged e -> OptionalLong.of(e.chat().id().value());
      case JoinRequested e -> OptionalLong.of(e.chat().id().value());
      case CommandIssued e -> OptionalLong.of(e.chat().id().value());
      case GroupMigrated e -> OptionalLong.of(e.from().value());
      case TextReceived e -> OptionalLong.of(e.chat().id().value());
    };
  }
}
