package dev.gmbot.adapter.telegram.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Set;

/**
 * Reads an {@code Update} key by key, so that the name of an update type the adapter does not
 * decode ({@code channel_post}, {@code message_reaction}, …) is known and can be counted. Its
 * payload is skipped without being parsed.
 */
public final class TgUpdateAdapter extends JsonAdapter<TgUpdate> {
  private static final JsonReader.Options NAMES =
      JsonReader.Options.of(
          "update_id",
          "message",
          "edited_message",
          "callback_query",
          "chat_member",
          "my_chat_member",
          "chat_join_request");

  /** Registers this adapter for {@link TgUpdate}. */
  public static final JsonAdapter.Factory FACTORY =
      (Type type, Set<? extends Annotation> annotations, Moshi moshi) ->
          Types.equals(type, TgUpdate.class) && annotations.isEmpty()
              ? new TgUpdateAdapter(moshi)
              : null;

  private final JsonAdapter<TgMessage> messages;
  private final JsonAdapter<TgCallbackQuery> callbacks;
  private final JsonAdapter<TgChatMemberUpdated> memberUpdates;
  private final JsonAdapter<TgChatJoinRequest> joinRequests;

  private TgUpdateAdapter(Moshi moshi) {
    this.messages = moshi.adapter(TgMessage.class);
    this.callbacks = moshi.adapter(TgCallbackQuery.class);
    this.memberUpdates = moshi.adapter(TgChatMemberUpdated.class);
    this.joinRequests = moshi.adapter(TgChatJoinRequest.class);
  }

  @Override
  public TgUpdate fromJson(JsonReader reader) throws IOException {
    if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
      throw new JsonDataException("an update is a JSON object, got " + reader.peek());
    }
    Long updateId = null;
    TgMessage message = null;
    TgMessage edited = null;
    TgCallbackQuery callback = null;
    TgChatMemberUpdated chatMember = null;
    TgChatMemberUpdated myChatMember = null;
    TgChatJoinRequest joinRequest = null;
    String other = null;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(NAMES)) {
        case 0 -> updateId = reader.nextLong();
        case 1 -> message = messages.fromJson(reader);
        case 2 -> edited = messages.fromJson(reader);
        case 3 -> callback = callbacks.fromJson(reader);
        case 4 -> chatMember = memberUpdates.fromJson(reader);
        case 5 -> myChatMember = memberUpdates.fromJson(reader);
        case 6 -> joinRequest = joinRequests.fromJson(reader);
        default -> {
          String name = reader.nextName();
          if (other == null) {
            other = name;
          }
          reader.skipValue();
        }
      }
    }
    reader.endObject();
    return new TgUpdate(
        updateId, message, edited, callback, chatMember, myChatMember, joinRequest, other);
  }

  @Override
  public void toJson(JsonWriter writer, TgUpdate value) {
    throw new UnsupportedOperationException("updates are only read");
  }
}
