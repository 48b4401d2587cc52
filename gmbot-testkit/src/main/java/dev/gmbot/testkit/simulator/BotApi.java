package dev.gmbot.testkit.simulator;

import dev.gmbot.testkit.simulator.World.CallbackState;
import dev.gmbot.testkit.simulator.World.ChatKind;
import dev.gmbot.testkit.simulator.World.ChatState;
import dev.gmbot.testkit.simulator.World.LinkState;
import dev.gmbot.testkit.simulator.World.MemberState;
import dev.gmbot.testkit.simulator.World.MsgState;
import dev.gmbot.testkit.simulator.World.Status;
import dev.gmbot.testkit.simulator.World.UserState;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** The Bot API methods. Every call runs under the world lock. */
final class BotApi {
  /** A successful result with an extra top-level description (setWebhook & co). */
  record Described(Object result, String description) {}

  static final List<String> METHODS =
      List.of(
          "getMe",
          "getUpdates",
          "setWebhook",
          "deleteWebhook",
          "getWebhookInfo",
          "getChat",
          "getChatMember",
          "getChatAdministrators",
          "restrictChatMember",
          "banChatMember",
          "unbanChatMember",
          "approveChatJoinRequest",
          "declineChatJoinRequest",
          "createChatInviteLink",
          "exportChatInviteLink",
          "sendMessage",
          "sendPhoto",
          "editMessageText",
          "editMessageReplyMarkup",
          "deleteMessage",
          "answerCallbackQuery",
          "pinChatMessage",
          "setChatPermissions",
          "setMyCommands",
          "getMyCommands",
          "deleteMyCommands");
  private static final Map<String, String> CANONICAL = new LinkedHashMap<>();

  static {
    for (String m : METHODS) {
      CANONICAL.put(m.toLowerCase(Locale.ROOT), m);
    }
  }

  static Optional<String> canonical(String method) {
    return Optional.ofNullable(CANONICAL.get(method.toLowerCase(Locale.ROOT)));
  }

  private final World w;

  BotApi(World w) {
    this.w = w;
  }

  Object call(String method, Params p) throws InterruptedException {
    if (FloodControl.isMessageMethod(method)) {
      ChatState c = chat(p);
      w.flood.admit(c.id, w.nowMillis());
    }
    return switch (method) {
      case "getMe" -> getMe();
      case "getUpdates" -> w.getUpdates(p);
      case "setWebhook" -> setWebhook(p);
      case "deleteWebhook" -> deleteWebhook(p);
      case "getWebhookInfo" -> webhookInfo();
      case "getChat" -> getChat(p);
      case "getChatMember" -> getChatMember(p);
      case "getChatAdministrators" -> getChatAdministrators(p);
      case "restrictChatMember" -> restrict(p);
      case "setChatPermissions" -> setChatPermissions(p);
      case "banChatMember" -> ban(p);
      case "unbanChatMember" -> unban(p);
      case "approveChatJoinRequest" -> joinRequest(p, true);
      case "declineChatJoinRequest" -> joinRequest(p, false);
      case "createChatInviteLink" -> createLink(p);
      case "exportChatInviteLink" -> exportLink(p);
      case "sendMessage" -> sendMessage(p);
      case "sendPhoto" -> sendPhoto(p);
      case "editMessageText" -> editMessage(p, true);
      case "editMessageReplyMarkup" -> editMessage(p, false);
      case "deleteMessage" -> deleteMessage(p);
      case "answerCallbackQuery" -> answerCallback(p);
      case "pinChatMessage" -> pin(p);
      case "setMyCommands" -> setMyCommands(p);
      case "getMyCommands" -> getMyCommands(p);
      case "deleteMyCommands" -> deleteMyCommands(p);
      default -> throw new ApiException(404, "Not Found: method not found");
    };
  }

  // ------------------------------------------------------------ access checks

  enum Access {
    READ,
    READ_MEMBERS,
    WRITE
  }

  ChatState chat(Params p) {
    String raw = p.string("chat_id").orElse("").trim();
    if (raw.isEmpty()) {
      throw ApiException.badRequest("chat_id is empty");
    }
    ChatState c;
    if (raw.startsWith("@")) {
      c = w.chatByUsername(raw).orElseThrow(() -> ApiException.badRequest("chat not found"));
    } else {
      long id;
      try {
        id = Long.parseLong(raw);
      } catch (NumberFormatException e) {
        throw ApiException.badRequest("chat not found");
      }
      c = w.chats.get(id);
      if (c == null && id > 0 && w.users.containsKey(id)) {
        c = w.privateChat(w.users.get(id));
      }
      if (c == null) {
        throw ApiException.badRequest("chat not found");
      }
    }
    if (c.migratedTo != 0) {
      throw ApiException.migrated(c.migratedTo);
    }
    return c;
  }

  ChatState access(Params p, Access level) {
    ChatState c = chat(p);
    if (c.kind == ChatKind.PRIVATE) {
      UserState u = w.users.get(c.id);
      if (level == Access.WRITE && u.blockedBot) {
        throw ApiException.forbidden("bot was blocked by the user");
      }
      if (level == Access.WRITE && !u.startedBot && !w.inJoinRequestWindow(u)) {
        throw ApiException.forbidden("bot can't initiate conversation with a user");
      }
      return c;
    }
    if (!c.knownToBot && c.username.isEmpty()) {
      throw ApiException.badRequest("chat not found");
    }
    MemberState bm = c.member(w.bot.id);
    if (bm.status == Status.KICKED) {
      throw ApiException.forbidden("bot was kicked from the " + c.kind.noun());
    }
    if (!bm.present()) {
      if (c.username.isEmpty() || c.kind == ChatKind.GROUP || level == Access.WRITE) {
        throw ApiException.forbidden("bot is not a member of the " + c.kind.noun());
      }
    }
    return c;
  }

  long userId(Params p) {
    long id = p.longOr("user_id", 0);
    if (id <= 0) {
      throw ApiException.badRequest("invalid user_id specified");
    }
    if (!w.users.containsKey(id)) {
      throw ApiException.badRequest("member not found");
    }
    return id;
  }

  // ------------------------------------------------------------ methods

  // ------------------------------------------------------------ command menus

  private static final Pattern COMMAND_NAME = Pattern.compile("[a-z0-9_]{1,32}");

  /** The key of a menu: its scope (with the chat of a chat scope) and its language. */
  private static String menuKey(Params p) {
    Map<String, Object> scope =
        p.has("scope")
            ? p.object("scope")
                .orElseThrow(
                    () -> ApiException.badRequest("can't parse BotCommandScope JSON object"))
            : Map.of("type", "default");
    Object type = scope.get("type");
    if (!(type instanceof String t)
        || !List.of(
                "default",
                "all_private_chats",
                "all_group_chats",
                "all_chat_administrators",
                "chat",
                "chat_administrators",
                "chat_member")
            .contains(t)) {
      throw ApiException.badRequest("unsupported bot command scope type");
    }
    String language = p.string("language_code").orElse("");
    if (!language.isEmpty() && !language.matches("[a-z]{2}")) {
      throw ApiException.badRequest("LANG_CODE_INVALID");
    }
    Object chat = scope.get("chat_id");
    return t + (chat == null ? "" : ":" + chat) + "|" + language;
  }

  static String menuKey(String scopeType, String languageCode) {
    return scopeType + "|" + languageCode;
  }

  private Object setMyCommands(Params p) {
    List<Object> commands =
        p.list("commands")
            .orElseThrow(() -> ApiException.badRequest("parameter \"commands\" is required"));
    if (commands.size() > 100) {
      throw ApiException.badRequest("BOT_COMMANDS_TOO_MUCH");
    }
    List<SimCommand> menu = new ArrayList<>();
    for (Object c : commands) {
      if (!(c instanceof Map<?, ?> m)
          || !(m.get("command") instanceof String command)
          || !COMMAND_NAME.matcher(command).matches()) {
        throw ApiException.badRequest("BOT_COMMAND_INVALID");
      }
      if (!(m.get("description") instanceof String description)
          || description.isBlank()
          || description.length() > 256) {
        throw ApiException.badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
      }
      menu.add(new SimCommand(command, description));
    }
    String key = menuKey(p);
    if (menu.isEmpty()) {
      w.commandMenus.remove(key);
    } else {
      w.commandMenus.put(key, List.copyOf(menu));
    }
    return true;
  }

  private Object getMyCommands(Params p) {
    List<Object> out = new ArrayList<>();
    for (SimCommand c : w.commandMenus.getOrDefault(menuKey(p), List.of())) {
      out.add(Json.obj().put("command", c.command()).put("description", c.description()).map());
    }
    return out;
  }

  private Object deleteMyCommands(Params p) {
    w.commandMenus.remove(menuKey(p));
    return true;
  }

  private Object getMe() {
    return Json.obj()
        .put("id", w.bot.id)
        .put("is_bot", true)
        .put("first_name", w.bot.firstName)
        .put("username", w.bot.username)
        .put("can_join_groups", true)
        .put("can_read_all_group_messages", !w.config.privacyMode())
        .put("supports_inline_queries", false)
        .put("can_connect_to_business", false)
        .put("has_main_web_app", false)
        .map();
  }

  private Object setWebhook(Params p) {
    String url = p.string("url").orElse("");
    if (!url.isEmpty()) {
      try {
        URI u = URI.create(url);
        if (u.getHost() == null
            || !("https".equalsIgnoreCase(u.getScheme())
                || "http".equalsIgnoreCase(u.getScheme()))) {
          throw ApiException.badRequest("invalid webhook URL specified");
        }
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("invalid webhook URL specified");
      }
    }
    String secret = p.string("secret_token").orElse("");
    if (secret.length() > 256) {
      throw ApiException.badRequest("secret token is too long");
    }
    if (!secret.matches("[A-Za-z0-9_-]*")) {
      throw ApiException.badRequest("secret token contains unallowed characters");
    }
    p.list("allowed_updates").ifPresent(w::setAllowedUpdates);
    if (p.bool("drop_pending_updates")) {
      w.pending.removeIf(u -> !u.inFlight);
    }
    w.maxConnections = (int) Math.clamp(p.longOr("max_connections", 40), 1, 100);
    boolean same = url.equals(w.webhookUrl);
    w.webhookUrl = url;
    w.webhookSecret = secret;
    w.updatesChanged.signalAll();
    if (url.isEmpty()) {
      return new Described(true, same ? "Webhook is already deleted" : "Webhook was deleted");
    }
    w.webhookPump.run();
    return new Described(true, same ? "Webhook is already set" : "Webhook was set");
  }

  private Object deleteWebhook(Params p) {
    if (p.bool("drop_pending_updates")) {
      w.pending.removeIf(u -> !u.inFlight);
    }
    boolean was = !w.webhookUrl.isEmpty();
    w.webhookUrl = "";
    w.webhookSecret = "";
    return new Described(true, was ? "Webhook was deleted" : "Webhook is already deleted");
  }

  private Object webhookInfo() {
    Json.Obj o =
        Json.obj()
            .put("url", w.webhookUrl)
            .put("has_custom_certificate", false)
            .put("pending_update_count", w.pending.size());
    if (!w.webhookUrl.isEmpty()) {
      o.putIf(w.lastErrorDate > 0, "last_error_date", w.lastErrorDate);
      o.putIf(w.lastErrorDate > 0, "last_error_message", w.lastErrorMessage);
      o.put("max_connections", w.maxConnections);
      if (!w.allowedUpdates.equals(World.DEFAULT_ALLOWED)) {
        o.put("allowed_updates", new ArrayList<>(w.allowedUpdates));
      }
    }
    return o.map();
  }

  private Object getChat(Params p) {
    ChatState c = access(p, Access.READ);
    Map<String, Object> o = new LinkedHashMap<>(w.chatJson(c));
    o.remove("all_members_are_administrators");
    if (c.kind != ChatKind.PRIVATE) {
      if (!c.primaryLink.isEmpty() && c.member(w.bot.id).admin()) {
        o.put("invite_link", c.primaryLink);
      }
      if (c.kind != ChatKind.CHANNEL) {
        Json.Obj perms = Json.obj();
        World.permissionsInto(perms, c.defaultPermissions);
        o.put("permissions", perms.map());
      }
      if (c.linkedChatId != 0) {
        o.put("linked_chat_id", c.linkedChatId);
      }
    }
    o.put("accent_color_id", 0);
    o.put("max_reaction_count", 11);
    return o;
  }

  private Object getChatMember(Params p) {
    long raw = p.longOr("user_id", 0);
    ChatState c = access(p, raw == w.bot.id ? Access.READ : Access.READ_MEMBERS);
    long userId = userId(p);
    if (c.kind == ChatKind.CHANNEL && !c.member(w.bot.id).admin() && userId != w.bot.id) {
      throw ApiException.badRequest("member list is inaccessible");
    }
    if (c.kind == ChatKind.PRIVATE) {
      MemberState m = new MemberState();
      m.status = userId == c.id || userId == w.bot.id ? Status.MEMBER : Status.LEFT;
      return w.memberJson(c, userId, m);
    }
    return w.memberJson(c, userId, c.member(userId));
  }

  private Object getChatAdministrators(Params p) {
    ChatState c = access(p, Access.READ_MEMBERS);
    if (c.kind == ChatKind.PRIVATE) {
      throw ApiException.badRequest("there are no administrators in the private chat");
    }
    if (c.kind == ChatKind.CHANNEL && !c.member(w.bot.id).admin()) {
      throw ApiException.badRequest("member list is inaccessible");
    }
    boolean returnBots = p.bool("return_bots");
    List<Object> out = new ArrayList<>();
    c.members.forEach(
        (id, m) -> {
          if (m.admin() && (id == w.bot.id || returnBots || !w.users.get(id).isBot)) {
            out.add(w.memberJson(c, id, m));
          }
        });
    return out;
  }

  private Map<String, Boolean> parsePermissions(Params p) {
    Map<String, Object> raw =
        p.object("permissions")
            .orElseThrow(() -> ApiException.badRequest("can't parse permissions JSON object"));
    Map<String, Boolean> perms = new LinkedHashMap<>();
    for (String f : World.PERMISSION_FIELDS) {
      perms.put(f, Boolean.TRUE.equals(raw.get(f)));
    }
    if (!raw.containsKey("can_react_to_messages")) {
      perms.put("can_react_to_messages", perms.get("can_send_messages"));
    }
    if (!raw.containsKey("can_edit_tag")) {
      perms.put("can_edit_tag", perms.get("can_pin_messages"));
    }
    if (!raw.containsKey("can_manage_topics")) {
      perms.put("can_manage_topics", perms.get("can_pin_messages"));
    }
    if (raw.containsKey("can_send_media_messages")
        && World.MEDIA_FIELDS.stream().noneMatch(raw::containsKey)) {
      boolean media = Boolean.TRUE.equals(raw.get("can_send_media_messages"));
      World.MEDIA_FIELDS.forEach(f -> perms.put(f, media));
    }
    if (!p.bool("use_independent_chat_permissions")) {
      if (perms.get("can_send_other_messages") || perms.get("can_add_web_page_previews")) {
        perms.put("can_send_messages", true);
        World.MEDIA_FIELDS.forEach(f -> perms.put(f, true));
      }
      if (perms.get("can_send_polls")) {
        perms.put("can_send_messages", true);
      }
    }
    return perms;
  }

  private long untilDate(Params p) {
    long until = p.longOr("until_date", 0);
    long now = w.nowSeconds();
    if (until != 0 && (until < now + 30 || until > now + 366L * 86400)) {
      return 0;
    }
    return until;
  }

  private void checkTarget(ChatState c, long userId, String selfMessage) {
    if (userId == w.bot.id) {
      throw ApiException.badRequest(selfMessage);
    }
    MemberState target = c.member(userId);
    if (target.status == Status.CREATOR) {
      throw ApiException.badRequest("can't remove chat owner");
    }
    if (target.status == Status.ADMINISTRATOR) {
      throw ApiException.badRequest("user is an administrator of the chat");
    }
  }

  private Object restrict(Params p) {
    ChatState c = access(p, Access.WRITE);
    if (c.kind != ChatKind.SUPERGROUP) {
      throw ApiException.badRequest("method is available only for supergroups");
    }
    long userId = userId(p);
    Map<String, Boolean> perms = parsePermissions(p);
    if (!c.member(w.bot.id).can(AdminRight.RESTRICT_MEMBERS)) {
      throw ApiException.badRequest("not enough rights to restrict/unrestrict chat member");
    }
    checkTarget(c, userId, "can't restrict self");
    MemberState before = c.member(userId);
    MemberState after = before.copy();
    boolean member = before.present();
    if (perms.values().stream().allMatch(Boolean::booleanValue)) {
      after.status =
          member ? Status.MEMBER : before.status == Status.KICKED ? Status.KICKED : Status.LEFT;
      after.perms = new LinkedHashMap<>();
      after.untilDate = 0;
      after.isMember = member;
    } else {
      after.status = Status.RESTRICTED;
      after.perms = perms;
      after.isMember = member;
      after.untilDate = untilDate(p);
    }
    c.members.put(userId, after);
    w.memberChanged(c, w.bot.id, userId, before, after, Map.of());
    return true;
  }

  private Object setChatPermissions(Params p) {
    ChatState c = access(p, Access.WRITE);
    if (c.kind == ChatKind.CHANNEL || c.kind == ChatKind.PRIVATE) {
      throw ApiException.badRequest("method is available only for supergroups");
    }
    Map<String, Boolean> perms = parsePermissions(p);
    if (!c.member(w.bot.id).can(AdminRight.RESTRICT_MEMBERS)) {
      throw ApiException.badRequest("not enough rights to change chat permissions");
    }
    c.defaultPermissions = perms;
    return true;
  }

  private Object ban(Params p) {
    ChatState c = access(p, Access.WRITE);
    if (c.kind == ChatKind.PRIVATE) {
      throw ApiException.badRequest("method is available for supergroup and channel chats only");
    }
    long userId = userId(p);
    if (!c.member(w.bot.id).can(AdminRight.RESTRICT_MEMBERS)) {
      throw ApiException.badRequest("not enough rights to restrict/unrestrict chat member");
    }
    checkTarget(c, userId, "can't remove self");
    MemberState before = c.member(userId);
    MemberState after = new MemberState();
    after.status = Status.KICKED;
    after.untilDate = untilDate(p);
    c.members.put(userId, after);
    w.memberChanged(c, w.bot.id, userId, before, after, Map.of());
    if (before.present() && c.kind != ChatKind.CHANNEL) {
      Map<String, Object> user = w.users.get(userId).json();
      w.postMessage(
          c,
          w.bot.id,
          null,
          "",
          "left_chat_member",
          null,
          Json.obj().put("left_chat_participant", user).put("left_chat_member", user));
    }
    return true;
  }

  private Object unban(Params p) {
    ChatState c = access(p, Access.WRITE);
    long userId = userId(p);
    if (!c.member(w.bot.id).can(AdminRight.RESTRICT_MEMBERS)) {
      throw ApiException.badRequest("not enough rights to restrict/unrestrict chat member");
    }
    checkTarget(c, userId, "can't remove self");
    MemberState before = c.member(userId);
    if (p.bool("only_if_banned") && before.status != Status.KICKED) {
      return true;
    }
    if (before.status == Status.LEFT) {
      return true;
    }
    MemberState after = new MemberState();
    after.status = Status.LEFT;
    c.members.put(userId, after);
    w.memberChanged(c, w.bot.id, userId, before, after, Map.of());
    return true;
  }

  private Object joinRequest(Params p, boolean approve) {
    ChatState c = access(p, Access.WRITE);
    long userId = userId(p);
    if (!c.member(w.bot.id).can(AdminRight.INVITE_USERS)) {
      throw ApiException.badRequest("not enough rights to manage chat join requests");
    }
    if (approve && c.member(userId).present()) {
      throw ApiException.badRequest("USER_ALREADY_PARTICIPANT");
    }
    if (!c.joinRequests.containsKey(userId)) {
      throw ApiException.badRequest("HIDE_REQUESTER_MISSING");
    }
    LinkState link = c.joinRequests.remove(userId);
    if (approve) {
      Map<String, Object> extra = new LinkedHashMap<>();
      if (link != null) {
        extra.put("invite_link", w.linkJson(link, c));
      } else {
        extra.put("via_join_request", true);
      }
      Script.join(w, c, userId, extra, w.bot.id);
    }
    return true;
  }

  private Object createLink(Params p) {
    ChatState c = access(p, Access.WRITE);
    if (c.kind == ChatKind.PRIVATE) {
      throw ApiException.badRequest("chat not found");
    }
    if (!c.member(w.bot.id).can(AdminRight.INVITE_USERS)) {
      throw ApiException.badRequest("not enough rights to manage chat invite link");
    }
    String name = p.string("name").orElse("");
    if (name.length() > 32) {
      throw ApiException.badRequest("invite link name is too long");
    }
    boolean joinRequest = p.bool("creates_join_request");
    long memberLimit = p.longOr("member_limit", 0);
    if (joinRequest && memberLimit > 0) {
      throw ApiException.badRequest(
          "member limit can't be specified for links requiring administrator approval");
    }
    LinkState l = newLink(c);
    l.name = name;
    l.createsJoinRequest = joinRequest;
    l.memberLimit = memberLimit;
    l.expireDate = p.longOr("expire_date", 0);
    return w.linkJson(l, c);
  }

  private Object exportLink(Params p) {
    ChatState c = access(p, Access.WRITE);
    if (c.kind == ChatKind.PRIVATE) {
      throw ApiException.badRequest("chat not found");
    }
    if (!c.member(w.bot.id).can(AdminRight.INVITE_USERS)) {
      throw ApiException.badRequest("not enough rights to manage chat invite link");
    }
    if (!c.primaryLink.isEmpty()) {
      c.links.get(c.primaryLink).revoked = true;
    }
    LinkState l = newLink(c);
    l.primary = true;
    c.primaryLink = l.link;
    return l.link;
  }

  LinkState newLink(ChatState c) {
    LinkState l = new LinkState();
    String hash = Long.toString(0x5eed0000L + (w.linkCounter++) * 7919L, 36);
    l.link = "https://t.me/+" + ("SimLink" + hash + "AAAAAAAA").substring(0, 16);
    l.creatorId = w.bot.id;
    c.links.put(l.link, l);
    return l;
  }

  private Map<String, Object> validateMarkup(Params p) {
    if (!p.has("reply_markup")) {
      return null;
    }
    Map<String, Object> markup =
        p.object("reply_markup")
            .orElseThrow(
                () -> ApiException.badRequest("can't parse reply keyboard markup JSON object"));
    if (markup.get("inline_keyboard") instanceof List<?> rows) {
      for (Object row : rows) {
        if (!(row instanceof List<?> buttons)) {
          throw ApiException.badRequest(
              "can't parse inline keyboard button: InlineKeyboardButton must be an Object");
        }
        for (Object b : buttons) {
          if (!(b instanceof Map<?, ?> bm) || !(bm.get("text") instanceof String)) {
            throw ApiException.badRequest(
                "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
          }
          Object data = bm.get("callback_data");
          if (data != null) {
            int len = String.valueOf(data).getBytes(StandardCharsets.UTF_8).length;
            if (len < 1 || len > 64) {
              throw ApiException.badRequest("BUTTON_DATA_INVALID");
            }
          }
        }
      }
    }
    return markup;
  }

  /**
   * sendPhoto with the picture uploaded as a multipart file part (a {@code file_id} or URL string
   * is refused: GMBot always uploads). The photo is kept with its bytes ({@link
   * TelegramSimulator#photos}).
   */
  private Object sendPhoto(Params p) {
    ChatState c = access(p, Access.WRITE);
    MemberState bm = c.member(w.bot.id);
    if (w.photosDenied.contains(c.id)
        || (bm.status == Status.RESTRICTED && !bm.perms.getOrDefault("can_send_photos", false))) {
      throw ApiException.badRequest("not enough rights to send photos to the chat");
    }
    if (!(p.asMap().get("photo") instanceof UploadedFile file)) {
      throw ApiException.badRequest("there is no photo in the request");
    }
    if (file.bytes().length == 0) {
      throw ApiException.badRequest("IMAGE_PROCESS_FAILED");
    }
    String caption = p.string("caption").orElse("");
    if (caption.length() > 1024) {
      throw ApiException.badRequest("message caption is too long");
    }
    Json.Obj after = Json.obj();
    after.put(
        "photo",
        List.of(
            Map.of(
                "file_id",
                "photo-" + c.id + "-" + c.nextMessageId,
                "file_unique_id",
                "u" + c.nextMessageId,
                "width",
                1000,
                "height",
                560,
                "file_size",
                file.bytes().length)));
    if (!caption.isEmpty()) {
      after.put("caption", caption);
    }
    MsgState m = w.postMessage(c, w.bot.id, null, "", "", Json.obj(), after);
    w.photos.add(new SimPhoto(c.id, m.messageId, caption, file));
    return m.json;
  }

  private Object sendMessage(Params p) {
    ChatState c = access(p, Access.WRITE);
    if (c.kind == ChatKind.CHANNEL && !c.member(w.bot.id).can(AdminRight.POST_MESSAGES)) {
      throw ApiException.badRequest("need administrator rights in the channel chat");
    }
    MemberState bm = c.member(w.bot.id);
    if (bm.status == Status.RESTRICTED && !bm.perms.getOrDefault("can_send_messages", false)) {
      throw ApiException.badRequest("not enough rights to send text messages to the chat");
    }
    String text = p.string("text").orElse("");
    if (text.isBlank()) {
      throw ApiException.badRequest("message text is empty");
    }
    if (text.length() > 4096) {
      throw ApiException.badRequest("message is too long");
    }
    Map<String, Object> markup = validateMarkup(p);
    Json.Obj before = Json.obj();
    long replyTo = p.longOr("reply_to_message_id", 0);
    if (replyTo == 0) {
      replyTo =
          p.object("reply_parameters").map(r -> new Params(r).longOr("message_id", 0)).orElse(0L);
    }
    if (replyTo != 0) {
      MsgState r = c.messages.get(replyTo);
      if (r == null || r.deleted) {
        throw ApiException.badRequest("message to be replied not found");
      }
    }
    long topic = sendingTopic(c, p, replyTo);
    if (topic != 0) {
      before.put("message_thread_id", topic).put("is_topic_message", true);
    }
    Json.Obj after = Json.obj();
    if (replyTo != 0) {
      after.put("reply_to_message", c.messages.get(replyTo).json);
    }
    if (markup != null) {
      after.put("reply_markup", markup);
    }
    MsgState m = w.postMessage(c, w.bot.id, null, text, "", before, after);
    m.topic = topic;
    if (c.kind == ChatKind.CHANNEL) {
      m.json.remove("from");
    }
    return m.json;
  }

  /**
   * The forum topic a message is sent in: the {@code message_thread_id} asked for (a topic of this
   * forum, else "message thread not found"), else the topic of the message replied to, else General
   * (0). Outside forums a thread id names nothing.
   */
  private static long sendingTopic(ChatState c, Params p, long replyTo) {
    long asked = p.longOr("message_thread_id", 0);
    if (asked != 0) {
      if (!c.forum || !c.topics.containsKey(asked)) {
        throw ApiException.badRequest("message thread not found");
      }
      return asked;
    }
    return replyTo != 0 && c.forum ? c.messages.get(replyTo).topic : 0;
  }

  private MsgState findMessage(ChatState c, Params p, String what) {
    long id = p.longOr("message_id", 0);
    MsgState m = c.messages.get(id);
    if (m == null || m.deleted) {
      throw ApiException.badRequest("message to " + what + " not found");
    }
    return m;
  }

  private Object editMessage(Params p, boolean text) {
    if (!p.has("chat_id") && p.has("inline_message_id")) {
      throw ApiException.badRequest("message to edit not found");
    }
    ChatState c = access(p, Access.WRITE);
    MsgState m = findMessage(c, p, "edit");
    if (m.fromId != w.bot.id && !(c.kind == ChatKind.CHANNEL && m.fromId == 0)) {
      throw ApiException.badRequest("message can't be edited");
    }
    Map<String, Object> markup = validateMarkup(p);
    String newText = text ? p.string("text").orElse("") : m.text;
    if (text && newText.isBlank()) {
      throw ApiException.badRequest("message text is empty");
    }
    Object oldMarkup = m.json.get("reply_markup");
    if (newText.equals(m.text) && Objects.equals(markup, oldMarkup)) {
      throw ApiException.badRequest(
          "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
    }
    m.text = newText;
    m.editDate = w.nowSeconds();
    Map<String, Object> j = m.json;
    Map<String, Object> rebuilt = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : j.entrySet()) {
      if (e.getKey().equals("reply_markup") || e.getKey().equals("edit_date")) {
        continue;
      }
      rebuilt.put(e.getKey(), e.getValue());
      if (e.getKey().equals("date")) {
        rebuilt.put("edit_date", m.editDate);
      }
    }
    rebuilt.put("text", newText);
    List<Map<String, Object>> entities = World.commandEntities(newText);
    rebuilt.remove("entities");
    if (!entities.isEmpty()) {
      rebuilt.put("entities", entities);
    }
    if (markup != null) {
      rebuilt.put("reply_markup", markup);
    }
    j.clear();
    j.putAll(rebuilt);
    return j;
  }

  private Object deleteMessage(Params p) {
    ChatState c = access(p, Access.WRITE);
    MsgState m = findMessage(c, p, "delete");
    if (m.fromId != w.bot.id
        && c.kind != ChatKind.PRIVATE
        && !c.member(w.bot.id).can(AdminRight.DELETE_MESSAGES)) {
      throw ApiException.badRequest("message can't be deleted");
    }
    m.deleted = true;
    return true;
  }

  private Object answerCallback(Params p) {
    String id = p.string("callback_query_id").orElse("");
    CallbackState cb = w.callbacks.get(id);
    if (cb == null
        || cb.answered
        || w.nowMillis() - cb.createdMillis > w.config.callbackAnswerWindow().toMillis()) {
      throw ApiException.badRequest(
          "query is too old and response timeout expired or query ID is invalid");
    }
    cb.answered = true;
    cb.text = p.string("text").orElse("");
    cb.showAlert = p.bool("show_alert");
    return true;
  }

  private Object pin(Params p) {
    ChatState c = access(p, Access.WRITE);
    if (c.kind != ChatKind.PRIVATE
        && !c.member(w.bot.id)
            .can(c.kind == ChatKind.CHANNEL ? AdminRight.EDIT_MESSAGES : AdminRight.PIN_MESSAGES)) {
      throw ApiException.badRequest("not enough rights to manage pinned messages in the chat");
    }
    MsgState m = findMessage(c, p, "pin");
    c.pinnedMessageId = m.messageId;
    return true;
  }
}
