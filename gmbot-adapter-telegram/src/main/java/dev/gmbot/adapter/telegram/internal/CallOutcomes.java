package dev.gmbot.adapter.telegram.internal;

import dev.gmbot.port.out.BotApiException;
import dev.gmbot.port.out.BotApiRejectedException;
import dev.gmbot.port.out.ChatAccessException;
import dev.gmbot.port.out.ChatMigratedException;
import dev.gmbot.port.out.FloodWaitException;
import dev.gmbot.port.out.TransientBotApiException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Locale;

/**
 * The {@code outcome} label of one Bot API request ({@code bot_api_calls_total}): a small, fixed
 * set of values, so that every request is counted exactly once under one of them.
 *
 * <ul>
 *   <li>{@code ok}: Telegram answered {@code ok:true}
 *   <li>{@code 4xx_<kind>}: a refusal, by the ports' problem or reason ({@code 4xx_bot_kicked},
 *       {@code 4xx_member_not_found}, {@code 4xx_migrated}, {@code 4xx_unauthorized}, …)
 *   <li>{@code 429}: a flood wait
 *   <li>{@code 5xx}: Telegram's servers failed
 *   <li>{@code bad_response}: a 2xx answer that was not a Bot API answer
 *   <li>{@code timeout}: no answer in time (or the call was cancelled)
 *   <li>{@code network}: the connection failed
 * </ul>
 */
public final class CallOutcomes {
  public static final String OK = "ok";
  public static final String FLOOD_WAIT = "429";
  public static final String SERVER_ERROR = "5xx";
  public static final String BAD_RESPONSE = "bad_response";
  public static final String TIMEOUT = "timeout";
  public static final String NETWORK = "network";

  private CallOutcomes() {}

  /** The outcome of a request that Telegram answered with a failure. */
  public static String of(BotApiException failure) {
    return switch (failure) {
      case FloodWaitException flood -> FLOOD_WAIT;
      case ChatMigratedException migrated -> "4xx_migrated";
      case ChatAccessException access -> "4xx_" + lower(access.problem().name());
      case BotApiRejectedException rejected -> "4xx_" + lower(rejected.reason().name());
      case TransientBotApiException t ->
          t.httpStatus().isPresent() && t.httpStatus().getAsInt() >= 500
              ? SERVER_ERROR
              : BAD_RESPONSE;
    };
  }

  /** The outcome of a request that got no answer. */
  public static String of(IOException failure) {
    return failure instanceof InterruptedIOException ? TIMEOUT : NETWORK;
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
