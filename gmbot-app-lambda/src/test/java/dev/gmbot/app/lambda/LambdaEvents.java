package dev.gmbot.app.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.gmbot.app.lambda.json.JsonWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lambda event JSON as API Gateway and Function URLs send it (the files under {@code
 * src/test/resources/events}, modelled on AWS's documented examples), turned into event objects the
 * way the Java runtime does it: {@code LambdaEventSerializers.serializerFor(...).fromJson}.
 * Responses go back through the same serializers ({@code toJson}), as the runtime does.
 */
public final class LambdaEvents {
  /** The secret the event files carry in their {@code X-Telegram-Bot-Api-Secret-Token} header. */
  public static final String SECRET = "s3cr3t-Token_for-tests";

  private static final Pattern BODY = Pattern.compile("\"body\": \"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern BASE64_FLAG = Pattern.compile("\"isBase64Encoded\": (true|false)");

  /** A payload format and whether its body is base64-encoded. */
  public enum Kind {
    FUNCTION_URL_V2("function-url-v2.json", false, true),
    FUNCTION_URL_V2_BASE64("function-url-v2-base64.json", true, true),
    HTTP_API_V2("http-api-v2.json", false, true),
    REST_API_V1("rest-api-v1.json", false, false),
    REST_API_V1_BASE64("rest-api-v1-base64.json", true, false);

    final String file;
    final boolean base64;
    final boolean v2;

    Kind(String file, boolean base64, boolean v2) {
      this.file = file;
      this.base64 = base64;
      this.v2 = v2;
    }

    public boolean v2() {
      return v2;
    }
  }

  private LambdaEvents() {}

  /** The event file's JSON text as stored. */
  public static String raw(Kind kind) {
    try (InputStream in = LambdaEvents.class.getResourceAsStream("/events/" + kind.file)) {
      if (in == null) {
        throw new IllegalStateException("missing event file " + kind.file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The event file with another update as its body (encoded as the file encodes its body). */
  public static String withBody(Kind kind, String updateJson) {
    String encoded =
        kind.base64
            ? Base64.getEncoder().encodeToString(updateJson.getBytes(StandardCharsets.UTF_8))
            : updateJson;
    String json =
        BODY.matcher(raw(kind))
            .replaceFirst(Matcher.quoteReplacement("\"body\": " + JsonWriter.write(encoded)));
    if (!BASE64_FLAG.matcher(json).find()) {
      throw new IllegalStateException(kind.file + " has no isBase64Encoded flag");
    }
    return json;
  }

  /** The event JSON with another secret header value, or without the header ({@code null}). */
  public static String withSecret(String eventJson, String secret) {
    if (secret == null) {
      return eventJson.replaceAll("(?i)\"x-telegram-bot-api-secret-token\"", "\"x-other-header\"");
    }
    return eventJson.replace(SECRET, secret);
  }

  public static APIGatewayV2HTTPEvent v2(String json) {
    return serializer(APIGatewayV2HTTPEvent.class).fromJson(json);
  }

  public static APIGatewayProxyRequestEvent v1(String json) {
    return serializer(APIGatewayProxyRequestEvent.class).fromJson(json);
  }

  public static String toJson(APIGatewayV2HTTPResponse response) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    serializer(APIGatewayV2HTTPResponse.class).toJson(response, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  public static String toJson(APIGatewayProxyResponseEvent response) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    serializer(APIGatewayProxyResponseEvent.class).toJson(response, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** What the function answered, read back from the serialized response. */
  public record Answer(
      int status, String body, java.util.Map<String, String> headers, String json) {}

  /** Deserializes the event, runs the matching handler, serializes its response. */
  public static Answer invoke(Kind kind, String eventJson, WebhookFunction function) {
    TestContext context = new TestContext();
    if (kind.v2) {
      APIGatewayV2HTTPResponse r =
          new FunctionUrlHandler(function).handleRequest(v2(eventJson), context);
      return new Answer(r.getStatusCode(), r.getBody(), r.getHeaders(), toJson(r));
    }
    APIGatewayProxyResponseEvent r =
        new RestApiHandler(function).handleRequest(v1(eventJson), context);
    return new Answer(r.getStatusCode(), r.getBody(), r.getHeaders(), toJson(r));
  }

  private static <T> PojoSerializer<T> serializer(Class<T> type) {
    return LambdaEventSerializers.serializerFor(type, LambdaEvents.class.getClassLoader());
  }
}
