package dev.gmbot.adapter.telegram.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

/** The one Moshi instance of the adapter and its shared JSON adapters. Thread-safe. */
public final class TelegramJson {
  public static final Moshi MOSHI = new Moshi.Builder().add(TgUpdateAdapter.FACTORY).build();

  public static final JsonAdapter<TgUpdate> UPDATE = MOSHI.adapter(TgUpdate.class);

  @SuppressWarnings("rawtypes")
  private static final JsonAdapter<Map> REQUEST = MOSHI.adapter(Map.class);

  private static final JsonAdapter<Object> VALUE = MOSHI.adapter(Object.class);

  private TelegramJson() {}

  /** The adapter of a response envelope whose {@code result} has the given type. */
  public static <T> JsonAdapter<TgResponse<T>> response(Type resultType) {
    return MOSHI.adapter(Types.newParameterizedType(TgResponse.class, resultType));
  }

  public static Type listOf(Type element) {
    return Types.newParameterizedType(List.class, element);
  }

  /** Serialises request parameters (strings, numbers, booleans, lists and maps of them). */
  public static String requestBody(Map<String, Object> parameters) {
    return REQUEST.toJson(parameters);
  }

  /** One parameter value as JSON (a list of update types becomes {@code ["message",…]}). */
  public static String json(Object value) {
    return VALUE.toJson(value);
  }
}
