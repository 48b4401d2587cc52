package dev.gmbot.adapter.telegram.internal;

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
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a failed Bot API answer into the ports' typed failure. This is the one place that reads
 * Telegram's error descriptions (docs/telegram-bot-api.md, "Errors"), current and older wordings
 * alike. The order of the checks matters: parameters first (429, migration), then the descriptions,
 * then the HTTP status.
 */
public final class BotApiErrors {
  private static final Pattern RETRY_AFTER = Pattern.compile("retry after (\\d{1,9})");

  private BotApiErrors() {}

  /**
   * @param method the Bot API method
   * @param chat the chat the call addressed, if any
   * @param httpStatus the HTTP status
   * @param errorCode the body's {@code error_code} (or the HTTP status when the body had none)
   * @param description the body's description ("" when absent)
   * @param parameters the body's {@code parameters}, or null
   * @param retryAfterHeader the {@code Retry-After} header in seconds, if any
   */
  public static BotApiException classify(
      String method,
      Optional<ChatId> chat,
      int httpStatus,
      int errorCode,
      String description,
      TgResponseParameters parameters,
      OptionalLong retryAfterHeader) {
    String text = description == null ? "" : description;
    String lower = text.toLowerCase(Locale.ROOT);

    if (errorCode == 429
        || httpStatus == 429
        || (parameters != null && parameters.retryAfter() != null)) {
      return new FloodWaitException(method, chat, retryAfter(parameters, retryAfterHeader, lower));
    }
    if (parameters != null && parameters.migrateToChatId() != null && chat.isPresent()) {
      long to = parameters.migrateToChatId();
      if (to != 0) {
        return new ChatMigratedException(method, chat.get(), new ChatId(to));
      }
    }
    if (httpStatus >= 500 || errorCode >= 500) {
      return new TransientBotApiException(
          method, "server error " + errorCode + " " + text, OptionalInt.of(httpStatus), null);
    }
    if (errorCode == 401 || httpStatus == 401) {
      return new BotApiRejectedException(method, Reason.UNAUTHORIZED, errorCode, text);
    }
    if (errorCode == 409 || httpStatus == 409) {
      return new BotApiRejectedException(method, Reason.CONFLICT, errorCode, text);
    }

    Optional<Problem> problem = accessProblem(text);
    if (problem.isPresent()) {
      if (chat.isPresent()) {
        return new ChatAccessException(method, chat.get(), problem.get(), text);
      }
      return new BotApiRejectedException(method, Reason.OTHER, errorCode, text);
    }
    return new BotApiRejectedException(method, rejection(lower), errorCode, text);
  }

  /** The "cannot do it in this chat" problems, or empty. */
  public static Optional<Problem> accessProblem(String description) {
    String lower = description.toLowerCase(Locale.ROOT);
    if (lower.contains("member list is inaccessible")
        || lower.contains("need administrator rights in the channel chat")) {
      return Optional.of(Problem.MEMBER_LIST_INACCESSIBLE);
    }
    if (lower.contains("bot is not a member")) {
      return Optional.of(Problem.BOT_NOT_MEMBER);
    }
    if (lower.contains("bot was kicked")) {
      return Optional.of(Problem.BOT_KICKED);
    }
    if (lower.contains("chat_admin_required")) {
      return Optional.of(Problem.CHAT_ADMIN_REQUIRED);
    }
    if (lower.contains("chat not found")
        || lower.contains("channel_private")
        || lower.contains("peer_id_invalid")) {
      return Optional.of(Problem.CHAT_NOT_FOUND);
    }
    if (lower.contains("not enough rights")
        || lower.contains("have no rights")
        || lower.contains("chat_write_forbidden")) {
      return Optional.of(Problem.NOT_ENOUGH_RIGHTS);
    }
    if (lower.contains("available only for supergroups")) {
      return Optional.of(Problem.NOT_A_SUPERGROUP);
    }
    if (lower.contains("bot was blocked by the user")
        || lower.contains("user is deactivated")
        || lower.contains("bot can't initiate conversation")
        || lower.contains("bot can't send messages to bots")) {
      return Optional.of(Problem.PRIVATE_CHAT_CLOSED);
    }
    return Optional.empty();
  }

  static Reason rejection(String lower) {
    if (lower.contains("member not found")
        || lower.contains("user not found")
        || lower.contains("participant_id_invalid")
        || lower.contains("user_id_invalid")
        || lower.contains("user_not_participant")) {
      return Reason.MEMBER_NOT_FOUND;
    }
    if (lower.contains("user is an administrator")
        || lower.contains("user_admin_invalid")
        || lower.contains("can't remove chat owner")) {
      return Reason.USER_IS_ADMINISTRATOR;
    }
    if (lower.contains("can't restrict self")) {
      return Reason.CANNOT_RESTRICT_SELF;
    }
    if (lower.contains("query is too old") || lower.contains("query_id_invalid")) {
      return Reason.QUERY_TOO_OLD;
    }
    if (lower.contains("message is not modified")) {
      return Reason.MESSAGE_NOT_MODIFIED;
    }
    if (lower.contains("message to delete not found")
        || lower.contains("message to edit not found")
        || lower.contains("message can't be deleted")
        || lower.contains("message can't be edited")
        || lower.contains("message_id_invalid")) {
      return Reason.MESSAGE_NOT_FOUND;
    }
    if (lower.contains("user_already_participant")) {
      return Reason.ALREADY_PARTICIPANT;
    }
    if (lower.contains("hide_requester_missing")) {
      return Reason.NO_JOIN_REQUEST;
    }
    return Reason.OTHER;
  }

  private static Duration retryAfter(
      TgResponseParameters parameters, OptionalLong header, String lower) {
    if (parameters != null && parameters.retryAfter() != null && parameters.retryAfter() >= 0) {
      return Duration.ofSeconds(parameters.retryAfter());
    }
    if (header.isPresent() && header.getAsLong() >= 0) {
      return Duration.ofSeconds(header.getAsLong());
    }
    Matcher matcher = RETRY_AFTER.matcher(lower);
    if (matcher.find()) {
      return Duration.ofSeconds(Long.parseLong(matcher.group(1)));
    }
    return Duration.ofSeconds(1);
  }
}
