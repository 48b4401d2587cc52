package dev.gmbot.testkit.simulator;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One Bot API request the simulator answered.
 *
 * @param time when it arrived (simulator clock)
 * @param method the method name as the Bot API spells it (e.g. {@code restrictChatMember})
 * @param chatId the {@code chat_id} parameter when numeric
 * @param userId the {@code user_id} parameter
 * @param params all parameters (JSON-serialized values parsed)
 * @param httpStatus the HTTP status sent back (0 for a dropped connection)
 * @param ok whether the answer was {@code ok:true}
 * @param description the error description, empty on success
 * @param response the response body ("" for a dropped connection)
 */
public record ApiCall(
    Instant time,
    String method,
    Optional<Long> chatId,
    Optional<Long> userId,
    Map<String, Object> params,
    int httpStatus,
    boolean ok,
    String description,
    String response) {

  public boolean isError() {
    return !ok;
  }
}
