package dev.gmbot.adapter.telegram.internal;

import com.squareup.moshi.Json;
import java.util.List;
import java.util.Optional;

/**
 * Bot API {@code Message} (and {@code InaccessibleMessage}, which has {@code date} 0). Only what
 * the guard reads; the service-message fields are kept as untyped values just to tell a service
 * message from a posted one.
 */
public record TgMessage(
    @Json(name = "message_id") Long messageId,
    Long date,
    TgChat chat,
    TgUser from,
    @Json(name = "sender_chat") TgChat senderChat,
    @Json(name = "is_automatic_forward") Boolean isAutomaticForward,
    String text,
    List<TgEntity> entities,
    @Json(name = "new_chat_members") List<TgUser> newChatMembers,
    @Json(name = "left_chat_member") TgUser leftChatMember,
    @Json(name = "migrate_to_chat_id") Long migrateToChatId,
    @Json(name = "migrate_from_chat_id") Long migrateFromChatId,
    @Json(name = "pinned_message") Object pinnedMessage,
    @Json(name = "new_chat_title") String newChatTitle,
    @Json(name = "new_chat_photo") Object newChatPhoto,
    @Json(name = "delete_chat_photo") Boolean deleteChatPhoto,
    @Json(name = "group_chat_created") Boolean groupChatCreated,
    @Json(name = "supergroup_chat_created") Boolean supergroupChatCreated,
    @Json(name = "channel_chat_created") Boolean channelChatCreated,
    @Json(name = "message_auto_delete_timer_changed") Object autoDeleteTimerChanged,
    @Json(name = "video_chat_scheduled") Object videoChatScheduled,
    @Json(name = "video_chat_started") Object videoChatStarted,
    @Json(name = "video_chat_ended") Object videoChatEnded,
    @Json(name = "video_chat_participants_invited") Object videoChatParticipantsInvited,
    @Json(name = "forum_topic_created") Object forumTopicCreated,
    @Json(name = "forum_topic_edited") Object forumTopicEdited,
    @Json(name = "forum_topic_closed") Object forumTopicClosed,
    @Json(name = "forum_topic_reopened") Object forumTopicReopened,
    @Json(name = "write_access_allowed") Object writeAccessAllowed,
    @Json(name = "boost_added") Object boostAdded,
    @Json(name = "chat_background_set") Object chatBackgroundSet,
    @Json(name = "message_thread_id") Long messageThreadId,
    @Json(name = "is_topic_message") Boolean isTopicMessage,
    @Json(name = "reply_to_message") TgRepliedMessage replyToMessage) {

  /**
   * The forum topic the message is in: its {@code message_thread_id} when Telegram marks it a topic
   * message (a reply outside forums also has a thread id, which names no topic).
   */
  public Optional<Long> topic() {
    return Boolean.TRUE.equals(isTopicMessage) && messageThreadId != null && messageThreadId > 0
        ? Optional.of(messageThreadId)
        : Optional.empty();
  }

  /** True for a service message (joins, leaves, pins, title changes, video chats, …). */
  public boolean isService() {
    return (newChatMembers != null && !newChatMembers.isEmpty())
        || leftChatMember != null
        || migrateToChatId != null
        || migrateFromChatId != null
        || pinnedMessage != null
        || newChatTitle != null
        || newChatPhoto != null
        || Boolean.TRUE.equals(deleteChatPhoto)
        || Boolean.TRUE.equals(groupChatCreated)
        || Boolean.TRUE.equals(supergroupChatCreated)
        || Boolean.TRUE.equals(channelChatCreated)
        || autoDeleteTimerChanged != null
        || videoChatScheduled != null
        || videoChatStarted != null
        || videoChatEnded != null
        || videoChatParticipantsInvited != null
        || forumTopicCreated != null
        || forumTopicEdited != null
        || forumTopicClosed != null
        || forumTopicReopened != null
        || writeAccessAllowed != null
        || boostAdded != null
        || chatBackgroundSet != null;
  }
}
