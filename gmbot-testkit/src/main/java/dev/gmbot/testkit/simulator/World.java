package dev.gmbot.testkit.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** The simulated Telegram world: users, chats, members, messages, updates. One lock guards it. */
final class World {
  static final long ANONYMOUS_BOT_ID = 1087968824L;
  static final long TELEGRAM_ID = 777000L;
  static final long CHANNEL_BOT_ID = 136817688L;
  static final Set<String> DEFAULT_ALLOWED =
      Set.of(
          "message",
          "edited_message",
          "channel_post",
          "edited_channel_post",
          "callback_query",
          "my_chat_member",
          "chat_join_request",
          "inline_query",
          "chosen_inline_result",
          "shipping_query",
          "pre_checkout_query",
          "poll",
          "poll_answer",
          "chat_boost",
          "removed_chat_boost",
          "business_connection",
          "business_message",
          "edited_business_message",
          "deleted_business_messages",
          "purchased_paid_media",
          "guest_message",
          "managed_bot");
  static final Set<String> ALL_TYPES;

  static {
    Set<String> all = new HashSet<>(DEFAULT_ALLOWED);
    all.addAll(List.of("chat_member", "message_reaction", "message_reaction_count"));
    ALL_TYPES = Set.copyOf(all);
  }

  static final List<String> PERMISSION_FIELDS =
      List.of(
          "can_send_messages",
          "can_send_audios",
          "can_send_documents",
          "can_send_photos",
          "can_send_videos",
          "can_send_video_notes",
          "can_send_voice_notes",
          "can_send_polls",
          "can_send_other_messages",
          "can_add_web_page_previews",
          "can_react_to_messages",
          "can_edit_tag",
          "can_change_info",
          "can_invite_users",
          "can_pin_messages",
          "can_manage_topics");
  static final List<String> MEDIA_FIELDS =
      List.of(
          "can_send_audios",
          "can_send_documents",
          "can_send_photos",
          "can_send_videos",
          "can_send_video_notes",
          "can_send_voice_notes");

  enum ChatKind {
    PRIVATE("private"),
    GROUP("group"),
    SUPERGROUP("supergroup"),
    CHANNEL("channel");

    final String json;

    ChatKind(String json) {
      this.json = json;
    }

    String noun() {
      return this == GROUP ? "group chat" : this == CHANNEL ? "channel chat" : "supergroup chat";
    }
  }

  enum Status {
    CREATOR("creator"),
    ADMINISTRATOR("administrator"),
    MEMBER("member"),
    RESTRICTED("restricted"),
    LEFT("left"),
    KICKED("kicked");

    final String json;

    Status(String json) {
      this.json = json;
    }
  }

  static final class UserState {
    final long id;
    final boolean isBot;
    final String firstName;
    final String lastName;
    final String username;
    String languageCode;
    boolean startedBot;
    boolean blockedBot;

    /**
     * Until when (epoch millis) the bot may write to the user without their /start: 5 minutes after
     * a join request, while it is pending ({@code user_chat_id}).
     */
    long joinRequestWindowUntil;

    UserState(
        long id,
        boolean isBot,
        String firstName,
        String lastName,
        String username,
        String languageCode) {
      this.id = id;
      this.isBot = isBot;
      this.firstName = firstName;
      this.lastName = lastName;
      this.username = username;
      this.languageCode = languageCode;
    }

    Map<String, Object> json() {
      return Json.obj()
          .put("id", id)
          .put("is_bot", isBot)
          .put("first_name", firstName)
          .putIf(!lastName.isEmpty(), "last_name", lastName)
          .putIf(!username.isEmpty(), "username", username)
          .putIf(!languageCode.isEmpty(), "language_code", languageCode)
          .map();
    }
  }

  static final class MemberState {
    Status status = Status.LEFT;
    AdminRights rights = new AdminRights(Set.of());
    Map<String, Boolean> perms = new LinkedHashMap<>();
    boolean isMember;
    long untilDate;
    boolean isAnonymous;
    String customTitle = "";

    MemberState copy() {
      MemberState m = new MemberState();
      m.status = status;
      m.rights = rights;
      m.perms = new LinkedHashMap<>(perms);
      m.isMember = isMember;
      m.untilDate = untilDate;
      m.isAnonymous = isAnonymous;
      m.customTitle = customTitle;
      return m;
    }

    /** Creator, administrator, member, or restricted while still a member. */
    boolean present() {
      return switch (status) {
        case CREATOR, ADMINISTRATOR, MEMBER -> true;
        case RESTRICTED -> isMember;
        default -> false;
      };
    }

    boolean admin() {
      return status == Status.CREATOR || status == Status.ADMINISTRATOR;
    }

    boolean can(AdminRight right) {
      return status == Status.CREATOR || (status == Status.ADMINISTRATOR && rights.has(right));
    }
  }

  static final class LinkState {
    String link;
    String name = "";
    long creatorId;
    boolean createsJoinRequest;
    boolean primary;
    boolean revoked;
    long expireDate;
    long memberLimit;
  }

  static final class MsgState {
    final long chatId;
    final long messageId;
    final long fromId;
    final Long senderChatId;
    String text;
    final long date;
    long editDate;
    boolean deleted;
    final String service;
    final Map<String, Object> json;

    /** The forum topic the message is in ({@code message_thread_id}); 0: General, or no forum. */
    long topic;

    MsgState(
        long chatId,
        long messageId,
        long fromId,
        Long senderChatId,
        String text,
        long date,
        String service,
        Map<String, Object> json) {
      this.chatId = chatId;
      this.messageId = messageId;
      this.fromId = fromId;
      this.senderChatId = senderChatId;
      this.text = text;
      this.date = date;
      this.service = service;
      this.json = json;
    }
  }

  static final class ChatState {
    final long id;
    final ChatKind kind;
    final String title;
    String username = "";
    long ownerId;
    long linkedChatId;
    long migratedTo;
    boolean knownToBot;
    final Map<Long, MemberState> members = new LinkedHashMap<>();
    final Map<Long, MsgState> messages = new LinkedHashMap<>();
    long nextMessageId = 1;
    final Map<String, LinkState> links = new LinkedHashMap<>();
    String primaryLink = "";
    final Map<Long, LinkState> joinRequests = new LinkedHashMap<>();
    Map<String, Boolean> defaultPermissions = new LinkedHashMap<>();
    long pinnedMessageId;

    /** A supergroup with topics ({@code is_forum}); its topics by id, with their names. */
    boolean forum;

    final Map<Long, String> topics = new LinkedHashMap<>();

    ChatState(long id, ChatKind kind, String title) {
      this.id = id;
      this.kind = kind;
      this.title = title;
      for (String f : PERMISSION_FIELDS) {
        defaultPermissions.put(f, true);
      }
    }

    MemberState member(long userId) {
      return members.getOrDefault(userId, new MemberState());
    }
  }

  static final class CallbackState {
    final String id;
    final long fromId;
    final long createdMillis;
    boolean answered;
    String text = "";
    boolean showAlert;

    CallbackState(String id, long fromId, long createdMillis) {
      this.id = id;
      this.fromId = fromId;
      this.createdMillis = createdMillis;
    }
  }

  static final class UpdateState {
    final long id;
    final String type;
    final Map<String, Object> json;
    final String key;
    final long createdMillis;
    final long ttlMillis;
    boolean inFlight;
    int attempts;
    long nextAttemptMillis;

    UpdateState(
        long id,
        String type,
        Map<String, Object> json,
        String key,
        long createdMillis,
        long ttlMillis) {
      this.id = id;
      this.type = type;
      this.json = json;
      this.key = key;
      this.createdMillis = createdMillis;
      this.ttlMillis = ttlMillis;
    }
  }

  final ReentrantLock lock = new ReentrantLock();
  final Condition updatesChanged = lock.newCondition();
  final SimulatorConfig config;
  final FloodControl flood;
  final UserState bot;
  final Map<Long, UserState> users = new LinkedHashMap<>();
  final Map<Long, ChatState> chats = new LinkedHashMap<>();
  final Map<String, CallbackState> callbacks = new HashMap<>();

  /** The bot's command menus (setMyCommands), by scope and language: "all_private_chats|ru". */
  final Map<String, List<SimCommand>> commandMenus = new LinkedHashMap<>();

  /** Photos the bot sent (sendPhoto), in order. */
  final List<SimPhoto> photos = new ArrayList<>();

  /** Chats that refuse photos from the bot ("not enough rights to send photos"). */
  final Set<Long> photosDenied = new HashSet<>();

  final List<UpdateState> pending = new ArrayList<>();

  /**
   * A second webhook that gets its own copy of every update queued after it was added, delivered
   * independently (own queue, retries and answers): a deployment where every update reaches two
   * instances.
   */
  static final class Mirror {
    final String url;
    final String secret;
    final List<UpdateState> pending = new ArrayList<>();
    Runnable pump = () -> {};

    Mirror(String url, String secret) {
      this.url = url;
      this.secret = secret;
    }
  }

  final List<Mirror> mirrors = new ArrayList<>();
  final List<Map<String, Object>> emitted = new ArrayList<>();
  Set<String> allowedUpdates = DEFAULT_ALLOWED;
  long nextUpdateId = 100000001L;
  long nextUserId = 100000001L;
  long nextGroupId = 400000001L;
  long nextSuperId = 1001000000001L;
  final AtomicLong nextCallbackId = new AtomicLong(4772364183527480001L);
  long linkCounter = 1;
  String webhookUrl = "";
  String webhookSecret = "";
  int maxConnections = 40;
  long lastErrorDate;
  String lastErrorMessage = "";
  long pollGeneration;
  Runnable webhookPump = () -> {};

  World(SimulatorConfig config) {
    this.config = config;
    this.flood = new FloodControl(config.flood());
    this.bot = new UserState(config.botId(), true, config.botName(), "", config.botUsername(), "");
    users.put(bot.id, bot);
    for (long id : new long[] {ANONYMOUS_BOT_ID, TELEGRAM_ID, CHANNEL_BOT_ID}) {
      users.put(
          id,
          switch ((int) (id % 1000)) {
            case 824 -> new UserState(id, true, "Group", "", "GroupAnonymousBot", "");
            case 0 -> new UserState(id, false, "Telegram", "", "", "");
            default -> new UserState(id, true, "Channel", "", "Channel_Bot", "");
          });
    }
  }

  // ---------------------------------------------------------------- time

  long nowMillis() {
    return config.clock().millis();
  }

  long nowSeconds() {
    return nowMillis() / 1000;
  }

  // ---------------------------------------------------------------- JSON shapes

  Map<String, Object> chatJson(ChatState c) {
    if (c.kind == ChatKind.PRIVATE) {
      UserState u = users.get(c.id);
      return Json.obj()
          .put("id", c.id)
          .put("first_name", u.firstName)
          .putIf(!u.lastName.isEmpty(), "last_name", u.lastName)
          .putIf(!u.username.isEmpty(), "username", u.username)
          .put("type", "private")
          .map();
    }
    return Json.obj()
        .put("id", c.id)
        .put("title", c.title)
        .putIf(!c.username.isEmpty(), "username", c.username)
        .put("type", c.kind.json)
        .putIf(c.forum, "is_forum", true)
        .putIf(c.kind == ChatKind.GROUP, "all_members_are_administrators", false)
        .map();
  }

  Map<String, Object> memberJson(ChatState c, long userId, MemberState m) {
    Json.Obj o = Json.obj().put("user", users.get(userId).json()).put("status", m.status.json);
    switch (m.status) {
      case CREATOR -> {
        o.put("is_anonymous", m.isAnonymous);
        o.putIf(!m.customTitle.isEmpty(), "custom_title", m.customTitle);
      }
      case ADMINISTRATOR -> {
        o.put(
            "can_be_edited",
            userId == bot.id ? false : c.member(bot.id).can(AdminRight.PROMOTE_MEMBERS));
        List<AdminRight> order =
            c.kind == ChatKind.CHANNEL
                ? List.of(
                    AdminRight.MANAGE_CHAT,
                    AdminRight.CHANGE_INFO,
                    AdminRight.POST_MESSAGES,
                    AdminRight.EDIT_MESSAGES,
                    AdminRight.DELETE_MESSAGES,
                    AdminRight.INVITE_USERS,
                    AdminRight.RESTRICT_MEMBERS,
                    AdminRight.PROMOTE_MEMBERS,
                    AdminRight.MANAGE_VIDEO_CHATS,
                    AdminRight.POST_STORIES,
                    AdminRight.EDIT_STORIES,
                    AdminRight.DELETE_STORIES,
                    AdminRight.MANAGE_DIRECT_MESSAGES)
                : List.of(
                    AdminRight.MANAGE_CHAT,
                    AdminRight.CHANGE_INFO,
                    AdminRight.DELETE_MESSAGES,
                    AdminRight.INVITE_USERS,
                    AdminRight.RESTRICT_MEMBERS,
                    AdminRight.PIN_MESSAGES,
                    AdminRight.MANAGE_TOPICS,
                    AdminRight.PROMOTE_MEMBERS,
                    AdminRight.MANAGE_VIDEO_CHATS,
                    AdminRight.POST_STORIES,
                    AdminRight.EDIT_STORIES,
                    AdminRight.DELETE_STORIES,
                    AdminRight.MANAGE_TAGS);
        for (AdminRight r : order) {
          o.put(r.field(), m.rights.has(r));
        }
        o.put("is_anonymous", m.isAnonymous);
        o.put("can_manage_voice_chats", m.rights.has(AdminRight.MANAGE_VIDEO_CHATS));
        o.putIf(!m.customTitle.isEmpty(), "custom_title", m.customTitle);
      }
      case MEMBER -> o.putIf(m.untilDate > 0, "until_date", m.untilDate);
      case RESTRICTED -> {
        o.put("until_date", m.untilDate);
        permissionsInto(o, m.perms);
        o.put("is_member", m.isMember);
      }
      case KICKED -> o.put("until_date", m.untilDate);
      case LEFT -> {}
    }
    return o.map();
  }

  static void permissionsInto(Json.Obj o, Map<String, Boolean> perms) {
    o.put("can_send_messages", perms.getOrDefault("can_send_messages", false));
    boolean media = MEDIA_FIELDS.stream().allMatch(f -> perms.getOrDefault(f, false));
    o.put("can_send_media_messages", media);
    for (String f : PERMISSION_FIELDS) {
      if (!f.equals("can_send_messages")) {
        o.put(f, perms.getOrDefault(f, false));
      }
    }
  }

  Map<String, Object> linkJson(LinkState l, ChatState c) {
    int pending = 0;
    for (LinkState r : c.joinRequests.values()) {
      if (r != null && l.link.equals(r.link)) {
        pending++;
      }
    }
    return Json.obj()
        .put("invite_link", l.link)
        .putIf(!l.name.isEmpty(), "name", l.name)
        .put("creator", users.get(l.creatorId).json())
        .putIf(l.createsJoinRequest && pending > 0, "pending_join_request_count", pending)
        .putIf(l.expireDate > 0, "expire_date", l.expireDate)
        .putIf(l.memberLimit > 0, "member_limit", l.memberLimit)
        .put("creates_join_request", l.createsJoinRequest)
        .put("is_primary", l.primary)
        .put("is_revoked", l.revoked)
        .map();
  }

  // ---------------------------------------------------------------- world building

  UserState newUser(String firstName, String lastName, String username, boolean isBot) {
    long id = nextUserId++;
    UserState u = new UserState(id, isBot, firstName, lastName, username, isBot ? "" : "en");
    users.put(id, u);
    return u;
  }

  ChatState newChat(ChatKind kind, String title, long ownerId) {
    long id =
        switch (kind) {
          case GROUP -> -(nextGroupId++);
          case SUPERGROUP, CHANNEL -> -(nextSuperId++);
          case PRIVATE -> throw new IllegalArgumentException("private chats are users");
        };
    ChatState c = new ChatState(id, kind, title);
    c.ownerId = ownerId;
    MemberState owner = new MemberState();
    owner.status = Status.CREATOR;
    c.members.put(ownerId, owner);
    chats.put(id, c);
    return c;
  }

  /**
   * Whether the bot may write to a user who never started it: within 5 minutes of their join
   * request, while some request of theirs is still pending (Telegram's {@code user_chat_id}).
   */
  boolean inJoinRequestWindow(UserState u) {
    return nowMillis() < u.joinRequestWindowUntil
        && chats.values().stream().anyMatch(c -> c.joinRequests.containsKey(u.id));
  }

  ChatState privateChat(UserState u) {
    return chats.computeIfAbsent(
        u.id,
        id -> {
          ChatState c = new ChatState(id, ChatKind.PRIVATE, "");
          c.knownToBot = true;
          return c;
        });
  }

  Optional<ChatState> chatByUsername(String username) {
    String u = username.startsWith("@") ? username.substring(1) : username;
    return chats.values().stream()
        .filter(c -> !c.username.isEmpty() && c.username.equalsIgnoreCase(u))
        .findFirst();
  }

  // ---------------------------------------------------------------- updates

  void queueUpdate(String type, Map<String, Object> payload, String key, long ttlMillis) {
    if (!allowedUpdates.contains(type)) {
      return;
    }
    long id = nextUpdateId++;
    Map<String, Object> update = Json.obj().put("update_id", id).put(type, payload).map();
    emitted.add(update);
    pending.add(new UpdateState(id, type, update, key, nowMillis(), ttlMillis));
    for (Mirror m : mirrors) {
      m.pending.add(new UpdateState(id, type, update, key, nowMillis(), ttlMillis));
    }
    updatesChanged.signalAll();
    if (!webhookUrl.isEmpty()) {
      webhookPump.run();
    }
    for (Mirror m : mirrors) {
      m.pump.run();
    }
  }

  /** Emits chat_member or my_chat_member for a status change, as Telegram would. */
  void memberChanged(
      ChatState c,
      long actorId,
      long userId,
      MemberState before,
      MemberState after,
      Map<String, Object> extra) {
    Map<String, Object> oldJson = memberJson(c, userId, before);
    Map<String, Object> newJson = memberJson(c, userId, after);
    if (oldJson.equals(newJson) || c.kind == ChatKind.PRIVATE) {
      return;
    }
    Json.Obj o =
        Json.obj()
            .put("chat", chatJson(c))
            .put("from", users.get(actorId).json())
            .put("date", nowSeconds())
            .put("old_chat_member", oldJson)
            .put("new_chat_member", newJson);
    extra.forEach(o::put);
    if (userId == bot.id) {
      queueUpdate("my_chat_member", o.map(), "chat:" + c.id, 86_400_000L);
    } else if (c.member(bot.id).admin()) {
      queueUpdate("chat_member", o.map(), "user:" + userId, 86_400_000L);
    }
  }

  /** Stores a message and delivers it to the bot when the bot would see it. */
  MsgState postMessage(
      ChatState c,
      long fromId,
      Long senderChatId,
      String text,
      String service,
      Json.Obj extraBeforeText,
      Json.Obj extraAfterText) {
    long id = c.nextMessageId++;
    long date = nowSeconds();
    Json.Obj o = Json.obj().put("message_id", id);
    boolean channelPost = c.kind == ChatKind.CHANNEL;
    if (!channelPost || fromId != 0) {
      if (fromId != 0) {
        o.put("from", users.get(fromId).json());
      }
    }
    if (senderChatId != null) {
      o.put("sender_chat", chatJson(chats.get(senderChatId)));
    }
    o.put("chat", chatJson(c)).put("date", date);
    if (extraBeforeText != null) {
      extraBeforeText.map().forEach(o::put);
    }
    if (!text.isEmpty()) {
      o.put("text", text);
      List<Map<String, Object>> entities = commandEntities(text);
      o.putIf(!entities.isEmpty(), "entities", entities);
    }
    if (extraAfterText != null) {
      extraAfterText.map().forEach(o::put);
    }
    MsgState m = new MsgState(c.id, id, fromId, senderChatId, text, date, service, o.map());
    c.messages.put(id, m);
    deliverMessage(c, m, channelPost ? "channel_post" : "message");
    return m;
  }

  /**
   * Stores a message posted in a forum topic (0: the General topic, whose messages carry no thread)
   * and delivers it like any other.
   */
  MsgState postInTopic(
      ChatState c, long fromId, String text, String service, long topic, Json.Obj extraAfter) {
    if (topic != 0 && (!c.forum || !c.topics.containsKey(topic))) {
      throw new IllegalStateException("chat " + c.id + " has no topic " + topic);
    }
    Json.Obj before = Json.obj();
    if (topic != 0) {
      before.put("message_thread_id", topic).put("is_topic_message", true);
    }
    MsgState m = postMessage(c, fromId, null, text, service, before, extraAfter);
    m.topic = topic;
    return m;
  }

  static List<Map<String, Object>> commandEntities(String text) {
    if (!text.startsWith("/")) {
      return List.of();
    }
    int end = 1;
    while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
      end++;
    }
    return List.of(Json.obj().put("offset", 0).put("length", end).put("type", "bot_command").map());
  }

  void deliverMessage(ChatState c, MsgState m, String type) {
    if (m.fromId == bot.id) {
      return;
    }
    UserState from = users.get(m.fromId);
    if (from != null
        && from.isBot
        && m.fromId != ANONYMOUS_BOT_ID
        && m.fromId != TELEGRAM_ID
        && m.fromId != CHANNEL_BOT_ID) {
      return;
    }
    MemberState bm = c.member(bot.id);
    boolean sees;
    if (c.kind == ChatKind.PRIVATE) {
      sees = users.get(c.id) != null && !users.get(c.id).blockedBot;
    } else if (!bm.present()) {
      sees = false;
    } else if (c.kind == ChatKind.CHANNEL
        || !m.service.isEmpty()
        || bm.admin()
        || !config.privacyMode()) {
      sees = true;
    } else {
      String t = m.text.toLowerCase(Locale.ROOT);
      sees =
          t.startsWith("/")
              && t.split("\\s", 2)[0].endsWith("@" + bot.username.toLowerCase(Locale.ROOT));
    }
    if (sees) {
      queueUpdate(type, m.json, "chat:" + c.id, 86_400_000L);
    }
  }

  SimMessage snapshot(MsgState m) {
    List<List<SimButton>> rows = new ArrayList<>();
    Object markup = m.json.get("reply_markup");
    if (markup instanceof Map<?, ?> mk && mk.get("inline_keyboard") instanceof List<?> kb) {
      for (Object row : kb) {
        List<SimButton> r = new ArrayList<>();
        if (row instanceof List<?> buttons) {
          for (Object b : buttons) {
            if (b instanceof Map<?, ?> bm) {
              r.add(
                  new SimButton(
                      String.valueOf(bm.get("text")),
                      Optional.ofNullable(bm.get("url")).map(String::valueOf),
                      Optional.ofNullable(bm.get("callback_data")).map(String::valueOf)));
            }
          }
        }
        rows.add(List.copyOf(r));
      }
    }
    return new SimMessage(
        m.chatId,
        m.messageId,
        m.fromId,
        Optional.ofNullable(m.senderChatId),
        m.text,
        List.copyOf(rows),
        Instant.ofEpochSecond(m.date),
        m.editDate != 0,
        m.deleted,
        m.service.isEmpty() ? Optional.empty() : Optional.of(m.service));
  }

  // ---------------------------------------------------------------- getUpdates

  List<Map<String, Object>> getUpdates(Params p) throws InterruptedException {
    if (!webhookUrl.isEmpty()) {
      throw ApiException.conflict(
          "can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    }
    p.list("allowed_updates").ifPresent(this::setAllowedUpdates);
    long offset = p.longOr("offset", 0);
    if (offset < 0) {
      int keep = (int) Math.min(pending.size(), -offset);
      pending.subList(0, pending.size() - keep).clear();
    } else if (offset > 0) {
      pending.removeIf(u -> u.id < offset);
    }
    long limit = Math.clamp(p.longOr("limit", 100), 1, 100);
    long timeout = Math.clamp(p.longOr("timeout", 0), 0, 50);
    long generation = ++pollGeneration;
    updatesChanged.signalAll();
    long remaining = TimeUnit.SECONDS.toNanos(timeout);
    while (true) {
      if (generation != pollGeneration) {
        throw ApiException.conflict(
            "terminated by other getUpdates request; make sure that only one bot instance is running");
      }
      if (!webhookUrl.isEmpty()) {
        throw ApiException.conflict("terminated by setWebhook request");
      }
      if (!pending.isEmpty() || remaining <= 0) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (UpdateState u : pending) {
          if (out.size() >= limit) {
            break;
          }
          out.add(u.json);
        }
        return out;
      }
      remaining = updatesChanged.awaitNanos(remaining);
    }
  }

  void setAllowedUpdates(List<Object> names) {
    Set<String> set = new LinkedHashSet<>();
    for (Object o : names) {
      String n = String.valueOf(o).toLowerCase(Locale.ROOT);
      if (ALL_TYPES.contains(n)) {
        set.add(n);
      }
    }
    allowedUpdates = set.isEmpty() ? DEFAULT_ALLOWED : Set.copyOf(set);
  }
}
