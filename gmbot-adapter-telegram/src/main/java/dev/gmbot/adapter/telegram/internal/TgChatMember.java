package dev.gmbot.adapter.telegram.internal;

import com.squareup.moshi.Json;

/** Bot API {@code ChatMember} (all six variants in one shape; absent fields are null). */
public record TgChatMember(
    String status,
    TgUser user,
    @Json(name = "is_member") Boolean isMember,
    @Json(name = "is_anonymous") Boolean isAnonymous,
    @Json(name = "can_manage_chat") Boolean canManageChat,
    @Json(name = "can_delete_messages") Boolean canDeleteMessages,
    @Json(name = "can_restrict_members") Boolean canRestrictMembers,
    @Json(name = "can_invite_users") Boolean canInviteUsers,
    @Json(name = "until_date") Long untilDate) {}
