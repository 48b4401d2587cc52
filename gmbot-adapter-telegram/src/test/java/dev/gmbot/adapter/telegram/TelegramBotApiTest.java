package dev.gmbot.adapter.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.squareup.moshi.Moshi;
import dev.gmbot.port.model.AdminRights;
import dev.gmbot.port.model.BotProfile;
import dev.gmbot.port.model.Button;
import dev.gmbot.port.model.CallbackAnswer;
import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.ChatInfo;
import dev.gmbot.port.model.ChatMember;
import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.ChatType;
import dev.gmbot.port.model.CommandMenu;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.Language;
import dev.gmbot.port.model.MemberStatus;
import dev.gmbot.port.model.MessageId;
import dev.gmbot.port.model.OutgoingMessage;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.model.UserRef;
import dev.gmbot.port.out.BotApiException;
import dev.gmbot.port.out.BotApiRejectedException;
import dev.gmbot.port.out.BotApiRejectedException.Reason;
import dev.gmbot.port.out.ChatAccessException;
import dev.gmbot.port.out.ChatAccessException.Problem;
import dev.gmbot.port.out.ChatMigratedException;
import dev.gmbot.port.out.FloodWaitException;
import dev.gmbot.port.out.NonBlocking;
import dev.gmbot.port.out.TransientBotApiException;
import dev.gmbot.port.out.WouldBlockException;
import dev.gmbot.testkit.fake.RecordingMetrics;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.stream.Stream;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TelegramBotApiTest {
  private static final ChatId GROUP = ChatId.of(-1001234567890L);
  private static final ChatId CHANNEL = ChatId.of(-1009876543210L);
  private static final UserId ALICE = UserId.of(111111111L);

  private final BotApiServer server = new BotApiServer();
  private final RecordingMetrics metrics = new RecordingMetrics();
  private final TelegramBotApiClient client = new TelegramBotApiClient(server.config(), metrics);
  private final TelegramBotApi api = new TelegramBotApi(client);

  @AfterEach
  void tearDown() {
    client.close();
    server.close();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> body(RecordedRequest request) {
    try {
      return new Moshi.Builder().build().adapter(Map.class).fromJson(request.getBody().utf8());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private RecordedRequest takeCall(String method) {
    RecordedRequest request = server.take();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath())
        .isEqualTo("/bot" + BotApiServer.TOKEN + "/" + method);
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    return request;
  }

  // ---- results ------------------------------------------------------------------------------

  @Test
  void insideANonBlockingAttemptACallIsRefusedBeforeAnythingIsSent() {
    server.json(200, Fixtures.read("derived/response_getChatMember_left.json"));

    try (NonBlocking.Attempt attempt = NonBlocking.attempt()) {
      assertThatThrownBy(() -> api.getChatMember(CHANNEL, ALICE))
          .isInstanceOf(WouldBlockException.class);
      assertThat(attempt.tripped()).isTrue();
    }

    assertThat(server.requestCount()).isZero();
    assertThat(api.getChatMember(CHANNEL, ALICE).status()).isEqualTo(MemberStatus.LEFT);
  }

  @Test
  void getChatMemberLeftIsAValueNotAnError() {
    server.json(200, Fixtures.read("derived/response_getChatMember_left.json"));
    ChatMember member = api.getChatMember(CHANNEL, ALICE);
    assertThat(member.status()).isEqualTo(MemberStatus.LEFT);
    assertThat(member.isSubscribed()).isFalse();
    assertThat(member.user())
        .isEqualTo(UserRef.of(111111111L, "Alice", "alice").withLanguageCode("en"));
    assertThat(body(takeCall("getChatMember")))
        .containsEntry("chat_id", -1009876543210.0)
        .containsEntry("user_id", 111111111.0);
    assertThat(metrics.count("apiCall.getChatMember")).isEqualTo(1);
  }

  @Test
  void getChatMemberKickedAndCreator() {
    server.json(200, Fixtures.read("derived/response_getChatMember_kicked.json"));
    server.json(200, Fixtures.read("derived/response_getChatMember_creator.json"));
    ChatMember kicked = api.getChatMember(CHANNEL, ALICE);
    assertThat(kicked.status()).isEqualTo(MemberStatus.KICKED);
    assertThat(kicked.isSubscribed()).isFalse();
    ChatMember creator = api.getChatMember(CHANNEL, UserId.of(333333333L));
    assertThat(creator.status()).isEqualTo(MemberStatus.CREATOR);
    assertThat(creator.isSubscribed()).isTrue();
    assertThat(creator.rights()).isEqualTo(AdminRights.ALL);
    assertThat(creator.user()).isEqualTo(UserRef.of(333333333L, "Owner", "owner"));
  }

  @Test
  void getAdministratorsDecodesLegacyFieldsToo() {
    server.json(200, Fixtures.read("found/response_getChatAdministrators_ok_nutgram.json"));
    List<ChatMember> admins = api.getAdministrators(GROUP);
    assertThat(admins).hasSize(2);
    assertThat(admins.get(0).user())
        .isEqualTo(new UserRef(UserId.of(5681419729L), "test bot", Optional.of("testbot"), true));
    assertThat(admins.get(0).status()).isEqualTo(MemberStatus.ADMINISTRATOR);
    assertThat(admins.get(0).rights()).isEqualTo(new AdminRights(true, true, true, true, false));
    assertThat(admins.get(1).status()).isEqualTo(MemberStatus.CREATOR);
    assertThat(admins.get(1).user().username()).contains("JohnDoe");
    assertThat(body(takeCall("getChatAdministrators"))).containsEntry("chat_id", -1001234567890.0);
  }

  @Test
  void restrictSendsEveryPermissionFalse() {
    server.ok("true");
    api.restrict(GroupId.of(-1001234567890L), ALICE);
    Map<String, Object> body = body(takeCall("restrictChatMember"));
    assertThat(body)
        .containsEntry("chat_id", -1001234567890.0)
        .containsEntry("user_id", 111111111.0)
        .containsEntry("use_independent_chat_permissions", true)
        .doesNotContainKey("until_date");
    @SuppressWarnings("unchecked")
    Map<String, Object> permissions = (Map<String, Object>) body.get("permissions");
    assertThat(permissions).hasSize(16).containsOnlyKeys(TelegramBotApi.PERMISSIONS);
    assertThat(permissions.values()).containsOnly(false);
  }

  @Test
  void liftSendsEveryPermissionTrue() {
    server.ok("true");
    api.lift(GroupId.of(-1001234567890L), ALICE);
    Map<String, Object> body = body(takeCall("restrictChatMember"));
    @SuppressWarnings("unchecked")
    Map<String, Object> permissions = (Map<String, Object>) body.get("permissions");
    assertThat(permissions).hasSize(16);
    assertThat(permissions.values()).containsOnly(true);
    assertThat(body).containsEntry("use_independent_chat_permissions", true);
  }

  @Test
  void sendIsPlainTextWithInlineKeyboard() {
    server.ok(
        "{\"message_id\":4242,\"date\":1,\"chat\":{\"id\":-1001234567890,\"type\":\"supergroup\"}}");
    OutgoingMessage message =
        OutgoingMessage.text("Alice, join <b>@linked_channel</b>")
            .withKeyboard(
                List.of(
                    List.of(new Button.Url("Join channel", "https://t.me/+AbCd")),
                    List.of(new Button.Callback("I joined - verify", "verify:111111111"))))
            .replyingTo(MessageId.of(7))
            .silently();
    assertThat(api.send(GROUP, message)).isEqualTo(MessageId.of(4242));
    Map<String, Object> body = body(takeCall("sendMessage"));
    assertThat(body)
        .containsEntry("chat_id", -1001234567890.0)
        .containsEntry("text", "Alice, join <b>@linked_channel</b>")
        .containsEntry("disable_notification", true)
        .doesNotContainKey("parse_mode")
        .containsEntry(
            "reply_markup",
            Map.of(
                "inline_keyboard",
                List.of(
                    List.of(Map.of("text", "Join channel", "url", "https://t.me/+AbCd")),
                    List.of(
                        Map.of("text", "I joined - verify", "callback_data", "verify:111111111")))))
        .containsEntry(
            "reply_parameters", Map.of("message_id", 7.0, "allow_sending_without_reply", true));
  }

  @Test
  void plainSendHasNoKeyboard() {
    server.ok("{\"message_id\":5}");
    assertThat(api.send(ChatId.of(111111111L), OutgoingMessage.text("hi")))
        .isEqualTo(MessageId.of(5));
    assertThat(body(takeCall("sendMessage"))).containsOnlyKeys("chat_id", "text");
  }

  @Test
  void editReplacesTextAndKeyboard() {
    server.ok("{\"message_id\":9}");
    api.edit(GROUP, MessageId.of(9), OutgoingMessage.text("verified"));
    assertThat(body(takeCall("editMessageText")))
        .containsEntry("message_id", 9.0)
        .containsEntry("text", "verified")
        .containsEntry("reply_markup", Map.of("inline_keyboard", List.of()));
  }

  @Test
  void answerCallbackAsAlert() {
    server.ok("true");
    server.ok("true");
    api.answerCallback(CallbackAnswer.alert("4772364183527481234", "Join @linked_channel first"));
    api.answerCallback(CallbackAnswer.silent("1"));
    assertThat(body(takeCall("answerCallbackQuery")))
        .containsEntry("callback_query_id", "4772364183527481234")
        .containsEntry("text", "Join @linked_channel first")
        .containsEntry("show_alert", true);
    assertThat(body(takeCall("answerCallbackQuery"))).containsOnlyKeys("callback_query_id");
  }

  @Test
  void setCommandsSendsTheScopeTheLanguageCodeAndTheCommands() {
    server.ok("true");
    server.ok("true");
    api.setCommands(
        new CommandMenu(
            CommandMenu.Scope.GROUP_ADMINISTRATORS,
            Optional.of(Language.PORTUGUESE_BRAZIL),
            List.of(
                new CommandMenu.Item("protect", "Exigir a inscrição em um canal"),
                new CommandMenu.Item("help", "Todos os comandos"))));
    api.setCommands(
        new CommandMenu(
            CommandMenu.Scope.PRIVATE_CHATS,
            Optional.empty(),
            List.of(new CommandMenu.Item("start", "Welcome"))));

    assertThat(body(takeCall("setMyCommands")))
        .containsEntry("scope", Map.of("type", "all_chat_administrators"))
        .containsEntry("language_code", "pt")
        .containsEntry(
            "commands",
            List.of(
                Map.of("command", "protect", "description", "Exigir a inscrição em um canal"),
                Map.of("command", "help", "description", "Todos os comandos")));
    assertThat(body(takeCall("setMyCommands")))
        .containsEntry("scope", Map.of("type", "all_private_chats"))
        .doesNotContainKey("language_code")
        .containsEntry("commands", List.of(Map.of("command", "start", "description", "Welcome")));
  }

  @Test
  void deleteApproveDecline() {
    server.ok("true");
    server.ok("true");
    server.ok("true");
    api.deleteMessage(GROUP, MessageId.of(77));
    api.approveJoinRequest(CHANNEL, ALICE);
    api.declineJoinRequest(CHANNEL, ALICE);
    assertThat(body(takeCall("deleteMessage"))).containsEntry("message_id", 77.0);
    assertThat(body(takeCall("approveChatJoinRequest"))).containsEntry("user_id", 111111111.0);
    assertThat(body(takeCall("declineChatJoinRequest"))).containsEntry("chat_id", -1009876543210.0);
  }

  @Test
  void getChatByIdAndByUsername() {
    server.ok(
        "{\"id\":-1001234567890,\"title\":\"Guarded Group\",\"username\":\"guarded_group\",\"type\":\"supergroup\","
            + "\"invite_link\":\"https://t.me/+x\",\"linked_chat_id\":-1005555555555,\"permissions\":{}}");
    server.ok(
        "{\"id\":-1005555555555,\"title\":\"Linked\",\"username\":\"linked_channel\",\"type\":\"channel\"}");
    ChatInfo group = api.getChat(GROUP);
    assertThat(group)
        .isEqualTo(
            new ChatInfo(
                new ChatRef(
                    GROUP, ChatType.SUPERGROUP, "Guarded Group", Optional.of("guarded_group")),
                Optional.of("https://t.me/+x"),
                Optional.of(ChatId.of(-1005555555555L))));
    ChatInfo channel = api.getChat("@linked_channel");
    assertThat(channel.chat())
        .isEqualTo(ChatRef.channel(-1005555555555L, "Linked", "linked_channel"));
    assertThat(channel.inviteLink()).isEmpty();
    assertThat(body(takeCall("getChat"))).containsEntry("chat_id", -1001234567890.0);
    assertThat(body(takeCall("getChat"))).containsEntry("chat_id", "@linked_channel");
  }

  @Test
  void createInviteLink() {
    server.ok(
        "{\"invite_link\":\"https://t.me/+AbCdEfGhIjKlMnOp\",\"creator\":{\"id\":7000000001,\"is_bot\":true,\"first_name\":\"G\"},\"creates_join_request\":false,\"is_primary\":false,\"is_revoked\":false,\"name\":\"gmbot\"}");
    assertThat(api.createInviteLink(ChannelId.of(-1009876543210L)))
        .isEqualTo("https://t.me/+AbCdEfGhIjKlMnOp");
    assertThat(body(takeCall("createChatInviteLink")))
        .containsEntry("chat_id", -1009876543210.0)
        .containsEntry("name", "gmbot");
  }

  @Test
  void meIsAskedOnceAndKept() {
    server.ok(
        "{\"id\":7000000001,\"is_bot\":true,\"first_name\":\"Group Guard\",\"username\":\"group_guard_bot\",\"can_join_groups\":true}");
    BotProfile me = api.me();
    assertThat(me).isEqualTo(new BotProfile(UserId.of(7000000001L), "group_guard_bot"));
    assertThat(api.me()).isSameAs(me);
    assertThat(server.requestCount()).isEqualTo(1);
    takeCall("getMe");
  }

  // ---- every error fixture becomes its typed failure ----------------------------------------

  static Stream<Arguments> errorFixtures() {
    return Stream.of(
        access("derived/error_400_chat_admin_required.json", Problem.CHAT_ADMIN_REQUIRED),
        access("derived/error_400_chat_not_found.json", Problem.CHAT_NOT_FOUND),
        rejected("derived/error_400_hide_requester_missing.json", Reason.NO_JOIN_REQUEST, 400),
        access("derived/error_400_invite_link_rights.json", Problem.NOT_ENOUGH_RIGHTS),
        access("derived/error_400_member_list_inaccessible.json", Problem.MEMBER_LIST_INACCESSIBLE),
        rejected("derived/error_400_member_not_found.json", Reason.MEMBER_NOT_FOUND, 400),
        access("derived/error_400_method_only_for_supergroups.json", Problem.NOT_A_SUPERGROUP),
        access("derived/error_400_not_enough_rights_restrict.json", Problem.NOT_ENOUGH_RIGHTS),
        rejected("derived/error_400_user_is_administrator.json", Reason.USER_IS_ADMINISTRATOR, 400),
        access("derived/error_403_bot_not_member_of_channel.json", Problem.BOT_NOT_MEMBER),
        rejected("derived/error_409_other_getupdates.json", Reason.CONFLICT, 409),
        rejected("derived/error_409_webhook_active.json", Reason.CONFLICT, 409),
        flood("derived/error_429_retry_after.json", 5),
        rejected(
            "found/response_400_query_too_old_go-telegram-bot-api_issue579.json",
            Reason.QUERY_TOO_OLD,
            400),
        rejected(
            "found/response_400_user_not_found_legacy2016_TelegramBot_issue224.json",
            Reason.MEMBER_NOT_FOUND,
            400),
        rejected(
            "found/response_400_wrong_user_id_legacy2020_mast_issue68.json", Reason.OTHER, 400),
        access("found/response_403_user_deactivated_nutgram.json", Problem.PRIVATE_CHAT_CLOSED),
        flood("found/response_429_too_many_requests_nutgram.json", 14));
  }

  private static Arguments access(String file, Problem problem) {
    Consumer<BotApiException> check =
        e ->
            assertThat(e)
                .asInstanceOf(type(ChatAccessException.class))
                .satisfies(
                    a -> {
                      assertThat(a.problem()).isEqualTo(problem);
                      assertThat(a.chat()).isEqualTo(CHANNEL);
                      assertThat(a.description()).isNotBlank();
                      assertThat(a.isRetryable()).isFalse();
                    });
    return Arguments.of(file, check);
  }

  private static Arguments rejected(String file, Reason reason, int code) {
    Consumer<BotApiException> check =
        e ->
            assertThat(e)
                .asInstanceOf(type(BotApiRejectedException.class))
                .satisfies(
                    r -> {
                      assertThat(r.reason()).isEqualTo(reason);
                      assertThat(r.errorCode()).isEqualTo(code);
                      assertThat(r.isRetryable()).isFalse();
                    });
    return Arguments.of(file, check);
  }

  private static Arguments flood(String file, long seconds) {
    Consumer<BotApiException> check =
        e ->
            assertThat(e)
                .asInstanceOf(type(FloodWaitException.class))
                .satisfies(
                    f -> {
                      assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(seconds));
                      assertThat(f.chat()).contains(CHANNEL);
                      assertThat(f.isRetryable()).isTrue();
                    });
    return Arguments.of(file, check);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errorFixtures")
  void errorFixtureBecomesTypedFailure(String file, Consumer<BotApiException> check) {
    String body = Fixtures.read(file);
    int status = Integer.parseInt(body.replaceAll("(?s).*\"error_code\"\\s*:\\s*(\\d+).*", "$1"));
    server.error(status, body, status == 429 ? "1" : null);
    assertThatThrownBy(() -> api.getChatMember(CHANNEL, ALICE))
        .isInstanceOf(BotApiException.class)
        .satisfies(e -> assertThat(((BotApiException) e).method()).isEqualTo("getChatMember"))
        .satisfies(e -> check.accept((BotApiException) e));
    // 4xx answers, 429 included, are never retried by the client.
    assertThat(server.requestCount()).isEqualTo(1);
  }

  static List<String> errorFixtureFiles() {
    return errorFixtures().map(a -> (String) a.get()[0]).toList();
  }

  @Test
  void retryAfterHeaderIsUsedWhenTheBodyHasNoParameters() {
    server.error(
        429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests\"}", "7");
    assertThatThrownBy(() -> api.send(GROUP, OutgoingMessage.text("x")))
        .asInstanceOf(type(FloodWaitException.class))
        .satisfies(f -> assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(7)));
  }

  @Test
  void bareHttp429FallsBackToTheHeader() {
    server.error(429, "Too Many Requests", "3");
    assertThatThrownBy(() -> api.deleteMessage(GROUP, MessageId.of(1)))
        .asInstanceOf(type(FloodWaitException.class))
        .satisfies(f -> assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(3)));
  }

  @Test
  void migratedGroupCarriesTheNewId() {
    server.error(
        400,
        "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: group chat was upgraded to a supergroup chat\",\"parameters\":{\"migrate_to_chat_id\":-1001555296434}}",
        null);
    ChatId old = ChatId.of(-599075523L);
    assertThatThrownBy(() -> api.send(old, OutgoingMessage.text("x")))
        .asInstanceOf(type(ChatMigratedException.class))
        .satisfies(
            m -> {
              assertThat(m.from()).isEqualTo(old);
              assertThat(m.migrateTo()).isEqualTo(ChatId.of(-1001555296434L));
            });
  }

  @Test
  void unauthorizedAndKickedAndBlockedAndOldWordings() {
    server.error(401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}", null);
    assertThatThrownBy(api::me)
        .asInstanceOf(type(BotApiRejectedException.class))
        .satisfies(r -> assertThat(r.reason()).isEqualTo(Reason.UNAUTHORIZED));

    server.error(
        403,
        "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was kicked from the supergroup chat\"}",
        null);
    assertThatThrownBy(() -> api.restrict(GroupId.of(-1001234567890L), ALICE))
        .asInstanceOf(type(ChatAccessException.class))
        .satisfies(a -> assertThat(a.problem()).isEqualTo(Problem.BOT_KICKED));

    server.error(
        403,
        "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}",
        null);
    assertThatThrownBy(() -> api.send(ChatId.of(111111111L), OutgoingMessage.text("x")))
        .asInstanceOf(type(ChatAccessException.class))
        .satisfies(a -> assertThat(a.problem()).isEqualTo(Problem.PRIVATE_CHAT_CLOSED));

    server.error(
        400,
        "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: user not found\"}",
        null);
    assertThatThrownBy(() -> api.getChatMember(CHANNEL, ALICE))
        .asInstanceOf(type(BotApiRejectedException.class))
        .satisfies(r -> assertThat(r.reason()).isEqualTo(Reason.MEMBER_NOT_FOUND));

    server.error(
        400,
        "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: message is not modified: specified new message content and reply markup are exactly the same\"}",
        null);
    assertThatThrownBy(() -> api.edit(GROUP, MessageId.of(3), OutgoingMessage.text("x")))
        .asInstanceOf(type(BotApiRejectedException.class))
        .satisfies(r -> assertThat(r.reason()).isEqualTo(Reason.MESSAGE_NOT_MODIFIED));

    server.error(
        400,
        "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: message to delete not found\"}",
        null);
    assertThatThrownBy(() -> api.deleteMessage(GROUP, MessageId.of(3)))
        .asInstanceOf(type(BotApiRejectedException.class))
        .satisfies(r -> assertThat(r.reason()).isEqualTo(Reason.MESSAGE_NOT_FOUND));

    server.error(
        400,
        "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: USER_ALREADY_PARTICIPANT\"}",
        null);
    assertThatThrownBy(() -> api.approveJoinRequest(CHANNEL, ALICE))
        .asInstanceOf(type(BotApiRejectedException.class))
        .satisfies(r -> assertThat(r.reason()).isEqualTo(Reason.ALREADY_PARTICIPANT));

    server.error(
        400,
        "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: can't restrict self\"}",
        null);
    assertThatThrownBy(() -> api.restrict(GroupId.of(-1001234567890L), ALICE))
        .asInstanceOf(type(BotApiRejectedException.class))
        .satisfies(r -> assertThat(r.reason()).isEqualTo(Reason.CANNOT_RESTRICT_SELF));

    server.error(
        404,
        "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found: method not found\"}",
        null);
    assertThatThrownBy(() -> api.getChat(GROUP))
        .asInstanceOf(type(BotApiRejectedException.class))
        .satisfies(r -> assertThat(r.reason()).isEqualTo(Reason.OTHER));
  }

  @Test
  void unknownUsernameIsChatNotFound() {
    server.error(400, Fixtures.read("derived/error_400_chat_not_found.json"), null);
    assertThatThrownBy(() -> api.getChat("@nobody_here"))
        .asInstanceOf(type(ChatAccessException.class))
        .satisfies(
            a -> {
              assertThat(a.problem()).isEqualTo(Problem.CHAT_NOT_FOUND);
              assertThat(a.chat()).isEqualTo(TelegramBotApi.UNRESOLVED_CHAT);
              assertThat(a.description()).isEqualTo("Bad Request: chat not found");
            });
  }

  @Test
  void accessProblemOnACallWithoutAChatIsARejection() {
    server.error(403, Fixtures.read("found/response_403_user_deactivated_nutgram.json"), null);
    assertThatThrownBy(() -> api.answerCallback(CallbackAnswer.silent("1")))
        .asInstanceOf(type(BotApiRejectedException.class))
        .satisfies(r -> assertThat(r.reason()).isEqualTo(Reason.OTHER));
  }

  // ---- transient failures and retries -------------------------------------------------------

  @Test
  void serverErrorOnAReadIsRetriedOnce() {
    server.error(
        500,
        "{\"ok\":false,\"error_code\":500,\"description\":\"Internal Server Error: restart\"}",
        null);
    server.json(200, Fixtures.read("derived/response_getChatMember_left.json"));
    assertThat(api.getChatMember(CHANNEL, ALICE).status()).isEqualTo(MemberStatus.LEFT);
    assertThat(server.requestCount()).isEqualTo(2);
    assertThat(metrics.count("apiCall.getChatMember")).isEqualTo(2);
  }

  @Test
  void twoServerErrorsOnAReadAreTransient() {
    server.error(502, "<html>Bad Gateway</html>", null);
    server.error(503, "", null);
    assertThatThrownBy(() -> api.getChat(GROUP))
        .asInstanceOf(type(TransientBotApiException.class))
        .satisfies(
            t -> {
              assertThat(t.httpStatus()).isEqualTo(OptionalInt.of(503));
              assertThat(t.isRetryable()).isTrue();
            });
    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void droppedConnectionOnAReadIsRetriedOnce() {
    String me =
        "{\"ok\":true,\"result\":{\"id\":7000000001,\"is_bot\":true,\"first_name\":\"G\",\"username\":\"group_guard_bot\"}}";
    java.util.List<String> script = new java.util.ArrayList<>();
    script.add(null);
    script.add(me);
    try (DroppingServer dropping = new DroppingServer(script);
        TelegramBotApiClient flaky =
            new TelegramBotApiClient(server.config().withBaseUrl(dropping.url()), metrics)) {
      assertThat(new TelegramBotApi(flaky).me().username()).isEqualTo("group_guard_bot");
      assertThat(dropping.connections()).isEqualTo(2);
      assertThat(metrics.count("apiCall.getMe")).isEqualTo(2);
    }
  }

  @Test
  void writesAreNeverRetried() {
    server.error(
        500, "{\"ok\":false,\"error_code\":500,\"description\":\"Internal Server Error\"}", null);
    assertThatThrownBy(() -> api.restrict(GroupId.of(-1001234567890L), ALICE))
        .asInstanceOf(type(TransientBotApiException.class))
        .satisfies(t -> assertThat(t.httpStatus()).isEqualTo(OptionalInt.of(500)));
    assertThat(server.requestCount()).isEqualTo(1);

    java.util.List<String> script = new java.util.ArrayList<>();
    script.add(null);
    script.add("{\"ok\":true,\"result\":{\"message_id\":1}}");
    try (DroppingServer dropping = new DroppingServer(script);
        TelegramBotApiClient flaky =
            new TelegramBotApiClient(server.config().withBaseUrl(dropping.url()), metrics)) {
      assertThatThrownBy(() -> new TelegramBotApi(flaky).send(GROUP, OutgoingMessage.text("x")))
          .asInstanceOf(type(TransientBotApiException.class))
          .satisfies(
              t -> {
                assertThat(t.httpStatus()).isEmpty();
                assertThat(t.getMessage()).contains("I/O failure");
              });
      assertThat(dropping.connections()).isEqualTo(1);
    }
  }

  @Test
  void timeoutIsTransient() {
    try (TelegramBotApiClient impatient =
        new TelegramBotApiClient(server.config(Duration.ofMillis(300)))) {
      server.slow();
      server.slow();
      assertThatThrownBy(() -> new TelegramBotApi(impatient).getChatMember(CHANNEL, ALICE))
          .asInstanceOf(type(TransientBotApiException.class))
          .satisfies(t -> assertThat(t.getMessage()).contains("timeout"));
      assertThat(server.requestCount()).isEqualTo(2);
    }
  }

  @Test
  void malformedSuccessIsTransient() {
    server.json(200, "{\"ok\":true,\"result\":{\"user\":{\"id\":1},\"status\":\"vip\"}}");
    server.json(200, "{\"ok\":true,\"result\":{\"user\":{\"id\":1},\"status\":\"vip\"}}");
    assertThatThrownBy(() -> api.getChatMember(CHANNEL, ALICE))
        .isInstanceOf(TransientBotApiException.class)
        .hasMessageContaining("malformed result");
    server.json(200, "not json");
    assertThatThrownBy(() -> api.deleteMessage(GROUP, MessageId.of(1)))
        .isInstanceOf(TransientBotApiException.class)
        .hasMessageContaining("malformed response");
  }
}
