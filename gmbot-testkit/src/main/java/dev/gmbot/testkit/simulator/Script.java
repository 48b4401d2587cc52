package dev.gmbot.testkit.simulator;

import dev.gmbot.testkit.simulator.World.CallbackState;
import dev.gmbot.testkit.simulator.World.ChatKind;
import dev.gmbot.testkit.simulator.World.ChatState;
import dev.gmbot.testkit.simulator.World.LinkState;
import dev.gmbot.testkit.simulator.World.MemberState;
import dev.gmbot.testkit.simulator.World.MsgState;
import dev.gmbot.testkit.simulator.World.Status;
import dev.gmbot.testkit.simulator.World.UserState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** World-changing actions of users and admins (the scripting API's engine). Call under the lock. */
final class Script {
  private Script() {}

  static void join(World w, ChatState c, long userId, Map<String, Object> extra, long actorId) {
    MemberState before = c.member(userId);
    if (before.present()) {
      throw new IllegalStateException("user " + userId + " is already in chat " + c.id);
    }
    if (before.status == Status.KICKED) {
      throw new IllegalStateException("user " + userId + " is banned in chat " + c.id);
    }
    MemberState after = before.copy();
    if (before.status == Status.RESTRICTED) {
      after.isMember = true;
    } else {
      after = new MemberState();
      after.status = Status.MEMBER;
    }
    c.members.put(userId, after);
    w.memberChanged(c, actorId, userId, before, after, extra);
    if (c.kind != ChatKind.CHANNEL) {
      Map<String, Object> user = w.users.get(userId).json();
      w.postMessage(
          c,
          userId,
          null,
          "",
          "new_chat_members",
          null,
          Json.obj()
              .put("new_chat_participant", user)
              .put("new_chat_member", user)
              .put("new_chat_members", List.of(user)));
    }
  }

  static void leave(World w, ChatState c, long userId) {
    MemberState before = c.member(userId);
    if (!before.present()) {
      throw new IllegalStateException("user " + userId + " is not in chat " + c.id);
    }
    MemberState after = before.copy();
    if (before.status == Status.RESTRICTED) {
      after.isMember = false;
    } else {
      after = new MemberState();
    }
    c.members.put(userId, after);
    w.memberChanged(c, userId, userId, before, after, Map.of());
    if (c.kind != ChatKind.CHANNEL) {
      Map<String, Object> user = w.users.get(userId).json();
      w.postMessage(
          c,
          userId,
          null,
          "",
          "left_chat_member",
          null,
          Json.obj().put("left_chat_participant", user).put("left_chat_member", user));
    }
  }

  static void setStatus(
      World w, ChatState c, long actorId, long userId, Status status, AdminRights rights) {
    MemberState before = c.member(userId);
    MemberState after = new MemberState();
    after.status = status;
    after.rights = status == Status.ADMINISTRATOR ? rights : new AdminRights(Set.of());
    if (status == Status.RESTRICTED) {
      after.isMember = true;
      for (String f : World.PERMISSION_FIELDS) {
        after.perms.put(f, false);
      }
    }
    c.members.put(userId, after);
    if (userId == w.bot.id && after.present()) {
      c.knownToBot = true;
    }
    w.memberChanged(c, actorId, userId, before, after, Map.of());
    if (!before.present() && after.present() && c.kind != ChatKind.CHANNEL) {
      Map<String, Object> user = w.users.get(userId).json();
      w.postMessage(
          c,
          actorId,
          null,
          "",
          "new_chat_members",
          null,
          Json.obj()
              .put("new_chat_participant", user)
              .put("new_chat_member", user)
              .put("new_chat_members", List.of(user)));
    }
  }

  static MsgState say(World w, ChatState c, long userId, String text, Json.Obj after) {
    mayWrite(c, userId);
    return w.postMessage(c, userId, null, text, "", null, after);
  }

  /** A member writes in a topic of a forum (0: General). */
  static MsgState sayInTopic(World w, ChatState c, long userId, String text, long topic) {
    mayWrite(c, userId);
    return w.postInTopic(c, userId, text, "", topic, null);
  }

  private static void mayWrite(ChatState c, long userId) {
    MemberState m = c.member(userId);
    if (c.kind != ChatKind.PRIVATE && !m.present()) {
      throw new IllegalStateException("user " + userId + " is not in chat " + c.id);
    }
    if (m.status == Status.RESTRICTED && !m.perms.getOrDefault("can_send_messages", false)) {
      throw new IllegalStateException("user " + userId + " is muted in chat " + c.id);
    }
  }

  static MsgState anonymousAdmin(World w, ChatState c, String text, String signature) {
    return w.postMessage(
        c,
        World.ANONYMOUS_BOT_ID,
        c.id,
        text,
        "",
        signature.isEmpty() ? null : Json.obj().put("author_signature", signature),
        null);
  }

  static MsgState asChannel(World w, ChatState group, ChatState channel, String text) {
    return w.postMessage(group, World.CHANNEL_BOT_ID, channel.id, text, "", null, null);
  }

  static MsgState channelPost(World w, ChatState channel, String text, String signature) {
    MsgState post =
        w.postMessage(
            channel,
            0,
            channel.id,
            text,
            "",
            signature.isEmpty() ? null : Json.obj().put("author_signature", signature),
            null);
    post.json.remove("sender_chat");
    if (channel.linkedChatId != 0) {
      ChatState group = w.chats.get(channel.linkedChatId);
      Map<String, Object> origin =
          Json.obj()
              .put("type", "channel")
              .put("chat", w.chatJson(channel))
              .put("message_id", post.messageId)
              .put("date", post.date)
              .map();
      w.postMessage(
          group,
          World.TELEGRAM_ID,
          channel.id,
          text,
          "",
          Json.obj()
              .put("forward_origin", origin)
              .put("forward_from_chat", w.chatJson(channel))
              .put("forward_from_message_id", post.messageId)
              .put("forward_date", post.date)
              .put("is_automatic_forward", true),
          null);
    }
    return post;
  }

  static String press(World w, ChatState c, MsgState m, long userId, String buttonText) {
    SimButton b =
        w.snapshot(m)
            .button(buttonText)
            .orElseThrow(() -> new IllegalArgumentException("no button '" + buttonText + "'"));
    String data =
        b.callbackData()
            .orElseThrow(
                () -> new IllegalArgumentException("'" + buttonText + "' is a URL button"));
    String id = Long.toString(w.nextCallbackId.getAndIncrement());
    w.callbacks.put(id, new CallbackState(id, userId, w.nowMillis()));
    Map<String, Object> q =
        Json.obj()
            .put("id", id)
            .put("from", w.users.get(userId).json())
            .put("message", m.json)
            .put("chat_instance", Long.toString(-5238461928374650000L - c.id))
            .put("data", data)
            .map();
    w.queueUpdate("callback_query", q, "user:" + userId, w.config.callbackUpdateTtl().toMillis());
    return id;
  }

  static void edit(World w, ChatState c, MsgState m, String text) {
    m.text = text;
    m.editDate = w.nowSeconds();
    Map<String, Object> rebuilt = new LinkedHashMap<>();
    m.json.forEach(
        (k, v) -> {
          if (!k.equals("edit_date")) {
            rebuilt.put(k, v);
          }
          if (k.equals("date")) {
            rebuilt.put("edit_date", m.editDate);
          }
        });
    rebuilt.put("text", text);
    m.json.clear();
    m.json.putAll(rebuilt);
    w.deliverMessage(c, m, c.kind == ChatKind.CHANNEL ? "edited_channel_post" : "edited_message");
  }

  /** How long a join request opens the requester's private chat to the bot. */
  static final long JOIN_REQUEST_WINDOW_MILLIS = 5 * 60_000L;

  static void joinRequest(World w, ChatState c, long userId, LinkState link, String bio) {
    c.joinRequests.put(userId, link);
    if (!c.member(w.bot.id).can(AdminRight.INVITE_USERS)) {
      return;
    }
    UserState u = w.users.get(userId);
    u.joinRequestWindowUntil = w.nowMillis() + JOIN_REQUEST_WINDOW_MILLIS;
    Json.Obj o =
        Json.obj()
            .put("chat", w.chatJson(c))
            .put("from", u.json())
            .put("user_chat_id", userId)
            .put("date", w.nowSeconds())
            .putIf(!bio.isEmpty(), "bio", bio);
    if (link != null) {
      o.put("invite_link", w.linkJson(link, c));
    }
    w.queueUpdate("chat_join_request", o.map(), "user:" + userId, 86_400_000L);
  }

  static ChatState migrate(World w, ChatState group) {
    if (group.kind != ChatKind.GROUP || group.migratedTo != 0) {
      throw new IllegalStateException("only a basic group can migrate, once");
    }
    ChatState sg = w.newChat(ChatKind.SUPERGROUP, group.title, group.ownerId);
    sg.knownToBot = group.knownToBot;
    group.members.forEach((id, m) -> sg.members.put(id, m.copy()));
    sg.defaultPermissions = new LinkedHashMap<>(group.defaultPermissions);
    w.postMessage(
        group,
        group.ownerId,
        null,
        "",
        "migrate_to_chat_id",
        null,
        Json.obj().put("migrate_to_chat_id", sg.id));
    group.migratedTo = sg.id;
    w.postMessage(
        sg,
        World.ANONYMOUS_BOT_ID,
        sg.id,
        "",
        "migrate_from_chat_id",
        null,
        Json.obj().put("migrate_from_chat_id", group.id));
    return sg;
  }

  static void startBot(World w, UserState u) {
    startBot(w, u, "");
  }

  /** /start, with the payload of a t.me/&lt;bot&gt;?start= link when one was opened. */
  static MsgState startBot(World w, UserState u, String payload) {
    boolean wasBlocked = u.blockedBot;
    u.startedBot = true;
    u.blockedBot = false;
    ChatState pc = w.privateChat(u);
    if (wasBlocked) {
      privateStatus(w, pc, u, Status.KICKED, Status.MEMBER);
    }
    return w.postMessage(
        pc, u.id, null, payload.isEmpty() ? "/start" : "/start " + payload, "", null, null);
  }

  static void blockBot(World w, UserState u) {
    u.blockedBot = true;
    privateStatus(w, w.privateChat(u), u, Status.MEMBER, Status.KICKED);
  }

  private static void privateStatus(World w, ChatState pc, UserState u, Status from, Status to) {
    MemberState before = new MemberState();
    before.status = from;
    MemberState after = new MemberState();
    after.status = to;
    Map<String, Object> o =
        Json.obj()
            .put("chat", w.chatJson(pc))
            .put("from", u.json())
            .put("date", w.nowSeconds())
            .put("old_chat_member", w.memberJson(pc, w.bot.id, before))
            .put("new_chat_member", w.memberJson(pc, w.bot.id, after))
            .map();
    w.queueUpdate("my_chat_member", o, "chat:" + pc.id, 86_400_000L);
  }
}
