package dev.gmbot.domain.commands;

import dev.gmbot.port.in.ChannelReference;
import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.ChatInfo;
import dev.gmbot.port.model.ChatType;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.Owner;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a channel a person named into the channel a group will require, checking on the way that it
 * exists and is a channel, that the bot administers it, that the person accountable for the setup
 * (the caller, or the group's creator for an anonymous admin) administers it too (nobody can make a
 * group require a channel that is not theirs), and that it can be joined: its public link, or an
 * invite link of the bot's own for a private channel. Each check adds its line to a {@link
 * Checklist}.
 */
final class ChannelResolution {
  private final TelegramReads telegram;

  ChannelResolution(TelegramReads telegram) {
    this.telegram = Objects.requireNonNull(telegram, "telegram");
  }

  /** The channel, when every check holds; empty after a failed line. */
  Optional<EnforcedChannel> resolve(
      ChannelReference reference, Owner accountable, boolean anonymous, Checklist checks) {
    CommandTexts texts = checks.texts();
    Optional<ChatInfo> info = telegram.chat(reference);
    if (info.isEmpty()) {
      checks.fail(texts.channelNotFound(reference.text()));
      return Optional.empty();
    }
    if (info.get().chat().type() != ChatType.CHANNEL) {
      checks.fail(texts.notAChannel(reference.text()));
      return Optional.empty();
    }
    ChannelId id = info.get().chat().channelId();
    Optional<String> username = info.get().chat().username();
    String name = username.map(u -> "@" + u).orElse(info.get().chat().title());
    if (!telegram.botIsAdmin(id.chat())) {
      checks.fail(texts.botNotAdminIn(name));
      return Optional.empty();
    }
    if (!telegram.member(id.chat(), accountable.id()).isAdmin()) {
      checks.fail(anonymous ? texts.ownerNotAdminOf(name) : texts.callerNotAdminOf(name));
      return Optional.empty();
    }
    Optional<String> link = username.isPresent() ? Optional.empty() : telegram.inviteLink(id);
    if (username.isEmpty() && link.isEmpty()) {
      checks.fail(texts.noInviteLink(name));
      return Optional.empty();
    }
    checks.pass(texts.botAdminIn(name));
    return Optional.of(new EnforcedChannel(id, info.get().chat().title(), username, link));
  }
}
