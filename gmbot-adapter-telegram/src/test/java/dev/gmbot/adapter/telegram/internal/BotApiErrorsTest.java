package dev.gmbot.adapter.telegram.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.out.BotApiException;
import dev.gmbot.port.out.BotApiRejectedException;
import dev.gmbot.port.out.BotApiRejectedException.Reason;
import dev.gmbot.port.out.ChatAccessException;
import dev.gmbot.port.out.ChatAccessException.Problem;
import dev.gmbot.port.out.ChatMigratedException;
import dev.gmbot.port.out.FloodWaitException;
import dev.gmbot.port.out.TransientBotApiException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Current and older wordings of Telegram's errors (docs/telegram-bot-api.md, "Errors"). */
class BotApiErrorsTest {
  private static final Optional<ChatId> CHAT = Optional.of(ChatId.of(-1001234567890L));

  private static BotApiException classify(int code, String description) {
    return BotApiErrors.classify("m", CHAT, code, code, description, null, OptionalLong.empty());
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "400|Bad Request: member list is inaccessible|MEMBER_LIST_INACCESSIBLE",
        "400|Bad Request: need administrator rights in the channel chat|MEMBER_LIST_INACCESSIBLE",
        "403|Forbidden: bot is not a member of the channel chat|BOT_NOT_MEMBER",
        "403|Forbidden: bot is not a member of the supergroup chat|BOT_NOT_MEMBER",
        "403|Forbidden: bot was kicked from the channel chat|BOT_KICKED",
        "403|Forbidden: bot was kicked from the group chat|BOT_KICKED",
        "400|Bad Request: CHAT_ADMIN_REQUIRED|CHAT_ADMIN_REQUIRED",
        "400|Bad Request: chat not found|CHAT_NOT_FOUND",
        "400|Bad Request: CHANNEL_PRIVATE|CHAT_NOT_FOUND",
        "400|Bad Request: PEER_ID_INVALID|CHAT_NOT_FOUND",
        "400|Bad Request: not enough rights to restrict/unrestrict chat member|NOT_ENOUGH_RIGHTS",
        "400|Bad Request: not enough rights to manage chat join requests|NOT_ENOUGH_RIGHTS",
        "400|Bad Request: have no rights to send a message|NOT_ENOUGH_RIGHTS",
        "403|Forbidden: CHAT_WRITE_FORBIDDEN|NOT_ENOUGH_RIGHTS",
        "400|Bad Request: method is available only for supergroups|NOT_A_SUPERGROUP",
        "403|Forbidden: bot was blocked by the user|PRIVATE_CHAT_CLOSED",
        "403|Forbidden: user is deactivated|PRIVATE_CHAT_CLOSED",
        "403|Forbidden: bot can't initiate conversation with a user|PRIVATE_CHAT_CLOSED",
      })
  void accessProblems(int code, String description, Problem problem) {
    assertThat(classify(code, description))
        .isInstanceOfSatisfying(
            ChatAccessException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(problem);
              assertThat(e.description()).isEqualTo(description);
            });
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "400|Bad Request: member not found|MEMBER_NOT_FOUND",
        "400|Bad Request: user not found|MEMBER_NOT_FOUND",
        "400|Bad Request: User not found|MEMBER_NOT_FOUND",
        "400|Bad Request: PARTICIPANT_ID_INVALID|MEMBER_NOT_FOUND",
        "400|Bad Request: USER_ID_INVALID|MEMBER_NOT_FOUND",
        "400|Bad Request: user is an administrator of the chat|USER_IS_ADMINISTRATOR",
        "400|Bad Request: USER_ADMIN_INVALID|USER_IS_ADMINISTRATOR",
        "400|Bad Request: can't remove chat owner|USER_IS_ADMINISTRATOR",
        "400|Bad Request: can't restrict self|CANNOT_RESTRICT_SELF",
        "400|Bad Request: query is too old and response timeout expired or query ID is invalid|QUERY_TOO_OLD",
        "400|Bad Request: QUERY_ID_INVALID|QUERY_TOO_OLD",
        "400|Bad Request: message to delete not found|MESSAGE_NOT_FOUND",
        "400|Bad Request: message to edit not found|MESSAGE_NOT_FOUND",
        "400|Bad Request: message can't be deleted|MESSAGE_NOT_FOUND",
        "400|Bad Request: message is not modified|MESSAGE_NOT_MODIFIED",
        "400|Bad Request: USER_ALREADY_PARTICIPANT|ALREADY_PARTICIPANT",
        "400|Bad Request: HIDE_REQUESTER_MISSING|NO_JOIN_REQUEST",
        "401|Unauthorized: invalid token specified|UNAUTHORIZED",
        "401|Unauthorized|UNAUTHORIZED",
        "409|Conflict: terminated by setWebhook request|CONFLICT",
        "400|Bad Request: invalid user_id specified|OTHER",
        "404|Not Found: method not found|OTHER",
      })
  void rejections(int code, String description, Reason reason) {
    assertThat(classify(code, description))
        .isInstanceOfSatisfying(
            BotApiRejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(reason);
              assertThat(e.errorCode()).isEqualTo(code);
            });
  }

  @Test
  void floodWaitFromParametersHeaderOrText() {
    assertThat(
            BotApiErrors.classify(
                "m",
                CHAT,
                429,
                429,
                "Too Many Requests: retry after 9",
                new TgResponseParameters(null, 3L),
                OptionalLong.of(4)))
        .isInstanceOfSatisfying(
            FloodWaitException.class,
            f -> assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(3)));
    assertThat(
            BotApiErrors.classify(
                "m", CHAT, 429, 429, "Too Many Requests: retry after 9", null, OptionalLong.of(4)))
        .isInstanceOfSatisfying(
            FloodWaitException.class,
            f -> assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(4)));
    assertThat(classify(429, "Too Many Requests: retry after 9"))
        .isInstanceOfSatisfying(
            FloodWaitException.class,
            f -> assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(9)));
  }

  @Test
  void migrationAndServerErrors() {
    assertThat(
            BotApiErrors.classify(
                "m",
                CHAT,
                400,
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                new TgResponseParameters(-1001555296434L, null),
                OptionalLong.empty()))
        .isInstanceOfSatisfying(
            ChatMigratedException.class,
            m -> assertThat(m.migrateTo()).isEqualTo(ChatId.of(-1001555296434L)));
    assertThat(classify(500, "Internal Server Error: restart"))
        .isInstanceOf(TransientBotApiException.class);
    assertThat(classify(502, "HTTP 502")).isInstanceOf(TransientBotApiException.class);
  }
}
