package dev.gmbot.testkit.simulator;

import java.util.Locale;

/** An administrator right, named after its Bot API field (without the {@code can_} prefix). */
public enum AdminRight {
  MANAGE_CHAT,
  CHANGE_INFO,
  POST_MESSAGES,
  EDIT_MESSAGES,
  DELETE_MESSAGES,
  INVITE_USERS,
  RESTRICT_MEMBERS,
  PIN_MESSAGES,
  MANAGE_TOPICS,
  PROMOTE_MEMBERS,
  MANAGE_VIDEO_CHATS,
  POST_STORIES,
  EDIT_STORIES,
  DELETE_STORIES,
  MANAGE_DIRECT_MESSAGES,
  MANAGE_TAGS;

  String field() {
    return "can_" + name().toLowerCase(Locale.ROOT);
  }
}
