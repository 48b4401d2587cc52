package dev.gmbot.port.in;

import java.time.Instant;

/**
 * Something that happened on Telegram and concerns the guard, decoded from one update. Every event
 * carries its {@code update_id} (for deduplication) and Telegram's date.
 */
public sealed interface InboundEvent
    permits MembersJoined,
        GroupMemberChanged,
        MessagePosted,
        ButtonPressed,
        ChannelMemberChanged,
        BotMemberChanged,
        JoinRequested,
        CommandIssued,
        TextReceived,
        GroupMigrated {
  long updateId();

  Instant at();

  /** The update type it came from (message, chat_member, …), for metrics and logs. */
  String updateType();
}
