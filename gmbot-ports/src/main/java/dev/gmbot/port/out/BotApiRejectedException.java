package dev.gmbot.port.out;

import java.util.Objects;

/** Telegram refused the request for a reason that retrying will not change. */
public final class BotApiRejectedException extends BotApiException {
  /** The refusals the product tells apart; everything else is {@link #OTHER}. */
  public enum Reason {
    /** 400 "member not found" (older: "user not found"): the user is unknown to the bot. */
    MEMBER_NOT_FOUND,
    /** 400 "user is an administrator of the chat" / "can't remove chat owner". */
    USER_IS_ADMINISTRATOR,
    /** 400 "can't restrict self". */
    CANNOT_RESTRICT_SELF,
    /** 400 "query is too old and response timeout expired or query ID is invalid". */
    QUERY_TOO_OLD,
    /** 400 "message to delete/edit not found", "message can't be deleted". */
    MESSAGE_NOT_FOUND,
    /** 400 "message is not modified". */
    MESSAGE_NOT_MODIFIED,
    /** 400 "USER_ALREADY_PARTICIPANT". */
    ALREADY_PARTICIPANT,
    /** 400 "HIDE_REQUESTER_MISSING": no pending join request. */
    NO_JOIN_REQUEST,
    /** 401: the token is invalid or revoked. */
    UNAUTHORIZED,
    /** 409: a webhook is set, or another getUpdates is running. */
    CONFLICT,
    OTHER
  }

  private final Reason reason;
  private final int errorCode;
  private final String description;

  public BotApiRejectedException(String method, Reason reason, int errorCode, String description) {
    super(method, errorCode + " " + description, null);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.errorCode = errorCode;
    this.description = description == null ? "" : description;
  }

  public Reason reason() {
    return reason;
  }

  public int errorCode() {
    return errorCode;
  }

  public String description() {
    return description;
  }
}
