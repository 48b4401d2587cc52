package dev.gmbot.testkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BotApiMethodsIT {
  @RegisterExtension
  static TelegramSimulatorExtension telegram = TelegramSimulatorExtension.start();

  TelegramSimulator sim;
  BotClient api;
  SimUser alice;
  SimChat group;
  SimChat channel;

  @BeforeEach
  void world() {
    sim = telegram.sim();
    api = new BotClient(sim);
    alice = sim.newUser("Alice");
    group =
        sim.newSupergroup("Guarded Group")
            .withUsername("guarded_group")
            .withBotAsAdmin(AdminRights.guard());
    channel =
        sim.newChannel("Announcements").withBotAsAdmin(AdminRights.of(AdminRight.INVITE_USERS));
  }

  private static Map<String, Object> allPermissions(boolean value) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    for (String f : World.PERMISSION_FIELDS) {
      m.put(f, value);
    }
    return m;
  }

  @Test
  void commandMenusAreKeptPerScopeAndLanguage() {
    Map<String, Object> admins = Map.of("type", "all_chat_administrators");
    List<Map<String, Object>> ru =
        List.of(Map.of("command", "protect", "description", "Требовать подписку"));
    List<Map<String, Object>> fallback =
        List.of(
            Map.of("command", "protect", "description", "Require channel membership"),
            Map.of("command", "help", "description", "All commands"));

    assertThat(
            api.call(
                    "setMyCommands", Map.of("commands", ru, "scope", admins, "language_code", "ru"))
                .ok())
        .isTrue();
    assertThat(api.call("setMyCommands", Map.of("commands", fallback, "scope", admins)).ok())
        .isTrue();

    assertThat(sim.commandMenu("all_chat_administrators", "ru"))
        .containsExactly(new SimCommand("protect", "Требовать подписку"));
    assertThat(sim.commandMenu("all_chat_administrators", ""))
        .extracting(SimCommand::command)
        .containsExactly("protect", "help");
    assertThat(sim.commandMenu("all_private_chats", "ru")).isEmpty();
    assertThat(
            api.call("getMyCommands", Map.of("scope", admins, "language_code", "ru")).resultList())
        .containsExactly(Map.of("command", "protect", "description", "Требовать подписку"));

    assertThat(api.call("deleteMyCommands", Map.of("scope", admins, "language_code", "ru")).ok())
        .isTrue();
    assertThat(sim.commandMenu("all_chat_administrators", "ru")).isEmpty();
  }

  @Test
  void commandMenusRefuseWhatTelegramRefuses() {
    Map<String, Object> scope = Map.of("type", "all_private_chats");
    assertThat(
            api.call(
                    "setMyCommands",
                    Map.of(
                        "commands",
                        List.of(Map.of("command", "/start", "description", "x")),
                        "scope",
                        scope))
                .description())
        .isEqualTo("Bad Request: BOT_COMMAND_INVALID");
    assertThat(
            api.call(
                    "setMyCommands",
                    Map.of(
                        "commands",
                        List.of(Map.of("command", "start", "description", "")),
                        "scope",
                        scope))
                .description())
        .isEqualTo("Bad Request: BOT_COMMAND_DESCRIPTION_INVALID");
    assertThat(
            api.call(
                    "setMyCommands",
                    Map.of(
                        "commands",
                        List.of(Map.of("command", "start", "description", "Start")),
                        "language_code",
                        "pt-br"))
                .description())
        .isEqualTo("Bad Request: LANG_CODE_INVALID");
    assertThat(sim.commandMenu("all_private_chats", "")).isEmpty();
  }

  @Test
  void wrongTokenIs401AndUnknownMethodIs404() {
    BotClient wrong = new BotClient(sim.baseUrl(), "123:nope");
    BotClient.Resp r = wrong.call("getMe");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.raw())
        .isEqualTo("{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
    BotClient.Resp m = api.call("getFoo");
    assertThat(m.status()).isEqualTo(404);
    assertThat(m.description()).isEqualTo("Not Found: method not found");
  }

  @Test
  void getMeAnswersOverJsonFormAndQueryAndIsCaseInsensitive() {
    assertThat(api.call("getMe").resultMap())
        .containsEntry("id", 7000000001L)
        .containsEntry("username", "group_guard_bot");
    assertThat(api.get("GETME", "").ok()).isTrue();
    assertThat(api.form("getme", "").ok()).isTrue();
  }

  @Test
  void getChatMemberStatusesAndErrors() {
    alice.joins(group);
    assertThat(
            api.get("getChatMember", "chat_id=" + group.id() + "&user_id=" + alice.id())
                .resultMap())
        .containsEntry("status", "member");
    assertThat(api.form("getChatMember", "chat_id=@guarded_group&user_id=" + alice.id()).ok())
        .isTrue();
    assertThat(
            api.call("getChatMember", Map.of("chat_id", channel.id(), "user_id", alice.id()))
                .resultMap())
        .containsEntry("status", "left");
    BotClient.Resp creator =
        api.call("getChatMember", Map.of("chat_id", group.id(), "user_id", group.owner().id()));
    assertThat(creator.raw()).contains("\"status\":\"creator\",\"is_anonymous\":false");

    BotClient.Resp unknownUser =
        api.call("getChatMember", Map.of("chat_id", group.id(), "user_id", 99));
    assertThat(unknownUser.status()).isEqualTo(400);
    assertThat(unknownUser.description()).isEqualTo("Bad Request: member not found");
    assertThat(api.call("getChatMember", Map.of("chat_id", group.id(), "user_id", 0)).description())
        .isEqualTo("Bad Request: invalid user_id specified");
    BotClient.Resp noChat =
        api.call("getChatMember", Map.of("chat_id", -100777, "user_id", alice.id()));
    assertThat(noChat.raw())
        .isEqualTo(
            "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}");

    SimChat publicChannel = sim.newChannel("Public").withUsername("public_news").withBotAsMember();
    assertThat(
            api.call("getChatMember", Map.of("chat_id", "@public_news", "user_id", alice.id()))
                .description())
        .isEqualTo("Bad Request: member list is inaccessible");
    assertThat(
            api.call("getChatMember", Map.of("chat_id", publicChannel.id(), "user_id", 7000000001L))
                .ok())
        .isTrue();

    channel.removeBot();
    BotClient.Resp forbidden =
        api.call("getChatMember", Map.of("chat_id", channel.id(), "user_id", alice.id()));
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.description())
        .isEqualTo("Forbidden: bot is not a member of the channel chat");
    SimChat neverSeen = sim.newChannel("Secret");
    assertThat(
            api.call("getChatMember", Map.of("chat_id", neverSeen.id(), "user_id", alice.id()))
                .description())
        .isEqualTo("Bad Request: chat not found");
    group.banBot();
    assertThat(
            api.call("getChatMember", Map.of("chat_id", group.id(), "user_id", alice.id()))
                .description())
        .isEqualTo("Forbidden: bot was kicked from the supergroup chat");
  }

  @Test
  void restrictMutesThenAllTrueLiftsBackToMember() {
    alice.joins(group);
    BotClient.Resp mute =
        api.call(
            "restrictChatMember",
            Map.of(
                "chat_id",
                group.id(),
                "user_id",
                alice.id(),
                "permissions",
                Map.of("can_send_messages", false)));
    assertThat(mute.raw()).isEqualTo("{\"ok\":true,\"result\":true}");
    Map<String, Object> muted = group.memberJson(alice);
    assertThat(muted)
        .containsEntry("status", "restricted")
        .containsEntry("is_member", true)
        .containsEntry("until_date", 0L)
        .containsEntry("can_send_messages", false);
    assertThat(group.isMuted(alice)).isTrue();

    // form-urlencoded with a JSON-serialized permissions object, like most client libraries
    BotClient.Resp lift =
        api.form(
            "restrictChatMember",
            "chat_id="
                + group.id()
                + "&user_id="
                + alice.id()
                + "&permissions="
                + java.net.URLEncoder.encode(
                    Json.write(allPermissions(true)), java.nio.charset.StandardCharsets.UTF_8));
    assertThat(lift.ok()).isTrue();
    assertThat(group.statusOf(alice)).isEqualTo("member");
    assertThat(sim.updates("chat_member"))
        .isEmpty(); // chat_member not in allowed_updates by default
    sim.calls().assertCount("restrictChatMember", 2);
    assertThat(sim.calls().of("restrictChatMember", alice.id())).hasSize(2);
  }

  @Test
  void restrictErrors() {
    SimUser admin = sim.newUser("Adam");
    alice.joins(group);
    admin.joins(group);
    group.owner().promotes(group, admin, AdminRights.of(AdminRight.DELETE_MESSAGES));
    Map<String, Object> perms = Map.of("can_send_messages", false);
    assertThat(
            api.call(
                    "restrictChatMember",
                    Map.of("chat_id", group.id(), "user_id", admin.id(), "permissions", perms))
                .description())
        .isEqualTo("Bad Request: user is an administrator of the chat");
    assertThat(
            api.call(
                    "restrictChatMember",
                    Map.of(
                        "chat_id", group.id(), "user_id", group.owner().id(), "permissions", perms))
                .description())
        .isEqualTo("Bad Request: can't remove chat owner");
    assertThat(
            api.call(
                    "restrictChatMember",
                    Map.of("chat_id", group.id(), "user_id", 7000000001L, "permissions", perms))
                .description())
        .isEqualTo("Bad Request: can't restrict self");
    assertThat(
            api.call(
                    "restrictChatMember",
                    Map.of("chat_id", group.id(), "user_id", alice.id(), "permissions", "{bad"))
                .description())
        .isEqualTo("Bad Request: can't parse permissions JSON object");

    SimChat basic = sim.newGroup("Basic").withBotAsAdmin(AdminRights.all());
    assertThat(
            api.call(
                    "restrictChatMember",
                    Map.of("chat_id", basic.id(), "user_id", alice.id(), "permissions", perms))
                .description())
        .isEqualTo("Bad Request: method is available only for supergroups");

    group.owner().promotes(group, sim.bot(), AdminRights.of(AdminRight.DELETE_MESSAGES));
    assertThat(
            api.call(
                    "restrictChatMember",
                    Map.of("chat_id", group.id(), "user_id", alice.id(), "permissions", perms))
                .description())
        .isEqualTo("Bad Request: not enough rights to restrict/unrestrict chat member");
  }

  @Test
  void migratedGroupAnswersWithMigrateToChatId() {
    SimChat basic = sim.newGroup("Basic").withBotAsAdmin(AdminRights.all());
    SimChat sg = basic.migrateToSupergroup();
    BotClient.Resp r = api.call("sendMessage", Map.of("chat_id", basic.id(), "text", "hi"));
    assertThat(r.raw())
        .isEqualTo(
            "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: group chat was upgraded to a supergroup chat\",\"parameters\":{\"migrate_to_chat_id\":"
                + sg.id()
                + "}}");
    assertThat(sg.type()).isEqualTo("supergroup");
    assertThat(api.call("sendMessage", Map.of("chat_id", sg.id(), "text", "hi")).ok()).isTrue();
  }

  @Test
  void banAndUnban() {
    alice.joins(group);
    assertThat(api.call("banChatMember", Map.of("chat_id", group.id(), "user_id", alice.id())).ok())
        .isTrue();
    assertThat(group.statusOf(alice)).isEqualTo("kicked");
    assertThat(
            api.call(
                    "unbanChatMember",
                    Map.of("chat_id", group.id(), "user_id", alice.id(), "only_if_banned", true))
                .ok())
        .isTrue();
    assertThat(group.statusOf(alice)).isEqualTo("left");
    assertThat(
            api.call("banChatMember", Map.of("chat_id", group.id(), "user_id", group.owner().id()))
                .description())
        .isEqualTo("Bad Request: can't remove chat owner");
  }

  @Test
  void administratorsAndGetChat() {
    List<Map<String, Object>> admins =
        api.call("getChatAdministrators", Map.of("chat_id", group.id())).resultList();
    assertThat(admins).extracting(m -> m.get("status")).containsExactly("creator", "administrator");
    assertThat(api.call("getChat", Map.of("chat_id", group.id())).resultMap())
        .containsEntry("type", "supergroup")
        .containsKey("permissions");
    assertThat(api.call("getChatAdministrators", Map.of("chat_id", alice.id())).description())
        .isEqualTo("Bad Request: there are no administrators in the private chat");
  }

  @Test
  void joinRequestsAndInviteLinks() {
    BotClient.Resp created =
        api.call(
            "createChatInviteLink",
            Map.of("chat_id", channel.id(), "name", "guard", "creates_join_request", true));
    assertThat(created.resultMap())
        .containsEntry("creates_join_request", true)
        .containsEntry("is_primary", false);
    String link = (String) created.resultMap().get("invite_link");
    alice.joinsVia(channel, link);
    assertThat(sim.updates("chat_join_request")).hasSize(1);
    assertThat(sim.updates("chat_join_request").get(0)).containsKey("invite_link");
    assertThat(
            api.call(
                    "approveChatJoinRequest",
                    Map.of("chat_id", channel.id(), "user_id", alice.id()))
                .ok())
        .isTrue();
    assertThat(channel.statusOf(alice)).isEqualTo("member");
    assertThat(
            api.call(
                    "approveChatJoinRequest",
                    Map.of("chat_id", channel.id(), "user_id", alice.id()))
                .description())
        .isEqualTo("Bad Request: USER_ALREADY_PARTICIPANT");
    assertThat(
            api.call(
                    "declineChatJoinRequest",
                    Map.of("chat_id", channel.id(), "user_id", alice.id()))
                .description())
        .isEqualTo("Bad Request: HIDE_REQUESTER_MISSING");

    String primary =
        (String) api.call("exportChatInviteLink", Map.of("chat_id", channel.id())).result();
    assertThat(primary).startsWith("https://t.me/+");
    assertThat(api.call("exportChatInviteLink", Map.of("chat_id", channel.id())).result())
        .isNotEqualTo(primary);

    channel.promoteBot(AdminRights.of(AdminRight.RESTRICT_MEMBERS));
    assertThat(api.call("createChatInviteLink", Map.of("chat_id", channel.id())).description())
        .isEqualTo("Bad Request: not enough rights to manage chat invite link");
    assertThat(
            api.call(
                    "declineChatJoinRequest",
                    Map.of("chat_id", channel.id(), "user_id", alice.id()))
                .description())
        .isEqualTo("Bad Request: not enough rights to manage chat join requests");
  }

  @Test
  void messagesKeyboardsEditsDeletesPinsAndCallbacks() {
    Map<String, Object> keyboard =
        Map.of(
            "inline_keyboard",
            List.of(
                List.of(Map.of("text", "Join channel", "url", "https://t.me/+abc")),
                List.of(
                    Map.of("text", "I joined - verify", "callback_data", "verify:" + alice.id()))));
    BotClient.Resp sent =
        api.call(
            "sendMessage",
            Map.of("chat_id", group.id(), "text", "Alice, join first", "reply_markup", keyboard));
    assertThat(sent.raw()).contains("\"reply_markup\":{\"inline_keyboard\":");
    long messageId = (Long) sent.resultMap().get("message_id");
    SimMessage prompt = group.botMessages().get(0);
    assertThat(prompt.button("I joined - verify")).isPresent();

    alice.joins(group);
    String queryId = alice.presses(prompt, "I joined - verify");
    assertThat(sim.updates("callback_query").get(0)).containsEntry("data", "verify:" + alice.id());
    assertThat(
            api.call("answerCallbackQuery", Map.of("callback_query_id", queryId, "text", "ok"))
                .ok())
        .isTrue();
    assertThat(sim.callbackAnswer(queryId)).contains("ok");
    assertThat(api.call("answerCallbackQuery", Map.of("callback_query_id", queryId)).description())
        .isEqualTo(
            "Bad Request: query is too old and response timeout expired or query ID is invalid");

    BotClient.Resp edited =
        api.call(
            "editMessageText",
            Map.of("chat_id", group.id(), "message_id", messageId, "text", "Verified"));
    assertThat(edited.resultMap()).containsKey("edit_date").doesNotContainKey("reply_markup");
    assertThat(
            api.call(
                    "editMessageText",
                    Map.of("chat_id", group.id(), "message_id", messageId, "text", "Verified"))
                .description())
        .startsWith("Bad Request: message is not modified");
    assertThat(
            api.call(
                    "editMessageReplyMarkup",
                    Map.of(
                        "chat_id", group.id(), "message_id", messageId, "reply_markup", keyboard))
                .ok())
        .isTrue();
    assertThat(
            api.call("pinChatMessage", Map.of("chat_id", group.id(), "message_id", messageId)).ok())
        .isTrue();
    assertThat(group.pinnedMessageId()).contains(messageId);
    assertThat(
            api.call("deleteMessage", Map.of("chat_id", group.id(), "message_id", messageId)).ok())
        .isTrue();
    assertThat(
            api.call("deleteMessage", Map.of("chat_id", group.id(), "message_id", messageId))
                .description())
        .isEqualTo("Bad Request: message to delete not found");
    assertThat(
            api.call(
                    "editMessageText",
                    Map.of("chat_id", group.id(), "message_id", 9999, "text", "x"))
                .description())
        .isEqualTo("Bad Request: message to edit not found");
    assertThat(
            api.call(
                    "sendMessage",
                    Map.of(
                        "chat_id",
                        group.id(),
                        "text",
                        "x",
                        "reply_markup",
                        Map.of(
                            "inline_keyboard",
                            List.of(
                                List.of(Map.of("text", "b", "callback_data", "x".repeat(65)))))))
                .description())
        .isEqualTo("Bad Request: BUTTON_DATA_INVALID");
    assertThat(api.call("sendMessage", Map.of("chat_id", alice.id(), "text", "hi")).description())
        .isEqualTo("Forbidden: bot can't initiate conversation with a user");
    alice.startsBot();
    assertThat(api.call("sendMessage", Map.of("chat_id", alice.id(), "text", "hi")).ok()).isTrue();
    assertThat(group.transcript())
        .contains("Group Guard: Verified (edited) (deleted)")
        .contains("[Join channel");
  }

  @Test
  void webhookMethods() {
    BotClient.Resp set =
        api.call("setWebhook", Map.of("url", "http://127.0.0.1:1/hook", "secret_token", "s3cret"));
    assertThat(set.raw())
        .isEqualTo("{\"ok\":true,\"result\":true,\"description\":\"Webhook was set\"}");
    assertThat(api.call("getWebhookInfo").resultMap())
        .containsEntry("url", "http://127.0.0.1:1/hook")
        .containsEntry("max_connections", 40L);
    assertThat(
            api.call(
                    "setWebhook",
                    Map.of("url", "http://127.0.0.1:1/hook", "secret_token", "bad token!"))
                .description())
        .isEqualTo("Bad Request: secret token contains unallowed characters");
    assertThat(api.call("setWebhook", Map.of("url", "not a url")).description())
        .isEqualTo("Bad Request: invalid webhook URL specified");
    assertThat(api.call("deleteWebhook").description()).isEqualTo("Webhook was deleted");
    assertThat(api.call("deleteWebhook").description()).isEqualTo("Webhook is already deleted");
  }

  @Test
  void faultsAnswer5xxOrDropTheConnection() throws Exception {
    sim.faults().failNext("getMe", 1, 502).dropNext("getMe", 1);
    assertThat(api.call("getMe").status()).isEqualTo(502);
    // a raw socket: java.net.http transparently retries after an empty reply, hiding the drop
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", sim.port())) {
      socket
          .getOutputStream()
          .write(
              ("POST /bot"
                      + sim.token()
                      + "/getMe HTTP/1.1\r\nHost: x\r\n"
                      + "Content-Length: 0\r\n\r\n")
                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      socket.setSoTimeout(10_000);
      assertThat(socket.getInputStream().read()).isEqualTo(-1); // closed, not a byte of answer
    }
    assertThat(api.call("getMe").ok()).isTrue();
    assertThat(sim.calls().of("getMe"))
        .extracting(ApiCall::httpStatus)
        .containsExactly(502, 0, 200);
  }
}
