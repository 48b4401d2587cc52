// A Bot API stand-in for load and start-up runs of the server (not a simulator: no world, no
// rules). Run it as a single-file program: java gmbot-app-micronaut/bench/BotApiStub.java [port]
//
// The bot (id 7000000001) is an administrator everywhere, user 333333333 is the creator of every
// chat, everyone else has the status STATUS (default "member"); chats -1002 and -1003 are channels
// (@news1002 names -1002). setWebhook is remembered and returned by getWebhookInfo, so /health is
// green in webhook mode. GET /calls answers the calls received so far, by method, as JSON.
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class BotApiStub {
  static final long BOT_ID = 7_000_000_001L;
  static final long OWNER = 333_333_333L;
  static final String STATUS = System.getenv().getOrDefault("STATUS", "member");
  static final Map<String, LongAdder> CALLS = new ConcurrentHashMap<>();
  static final AtomicInteger MESSAGE_IDS = new AtomicInteger(100);
  static volatile String webhook = "";

  static final String RIGHTS =
      "\"can_be_edited\":false,\"can_manage_chat\":true,\"can_change_info\":true,"
          + "\"can_delete_messages\":true,\"can_invite_users\":true,\"can_restrict_members\":true,"
          + "\"can_pin_messages\":true,\"can_promote_members\":false,\"can_manage_video_chats\":true,"
          + "\"can_post_messages\":true,\"can_edit_messages\":true,\"is_anonymous\":false,"
          + "\"can_post_stories\":false,\"can_edit_stories\":false,\"can_delete_stories\":false,"
          + "\"can_manage_topics\":false";
  static final String BOT =
      "{\"id\":"
          + BOT_ID
          + ",\"is_bot\":true,\"first_name\":\"Guard\",\"username\":\"group_guard_bot\","
          + "\"can_join_groups\":true,\"can_read_all_group_messages\":true,"
          + "\"supports_inline_queries\":false}";

  public static void main(String[] args) throws IOException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8081;
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", BotApiStub::handle);
    server.start();
    System.out.println("Bot API stub on http://127.0.0.1:" + port);
  }

  static void handle(HttpExchange x) throws IOException {
    try (x) {
      String path = x.getRequestURI().getPath();
      String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if (path.equals("/calls")) {
        Map<String, Long> counts = new TreeMap<>();
        CALLS.forEach((k, v) -> counts.put(k, v.sum()));
        StringBuilder json = new StringBuilder("{");
        counts.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k)
            .append("\":").append(v));
        reply(x, json.append('}').toString());
        return;
      }
      String method = path.substring(path.lastIndexOf('/') + 1);
      CALLS.computeIfAbsent(method, k -> new LongAdder()).increment();
      String query = x.getRequestURI().getRawQuery();
      String params = body.isEmpty() && query != null ? query : body;
      if (method.equals("getUpdates")) {
        long timeout = Math.min(2, number(params, "timeout", 0));
        Thread.sleep(timeout * 1000);
      }
      reply(x, "{\"ok\":true,\"result\":" + answer(method, params) + "}");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static String answer(String method, String params) {
    return switch (method) {
      case "getMe" -> BOT;
      case "getChat" -> chat(chatId(params));
      case "getChatMember" -> {
        long user = number(params, "user_id", 0);
        if (user == BOT_ID) {
          yield "{\"status\":\"administrator\",\"user\":" + BOT + "," + RIGHTS + "}";
        }
        if (user == OWNER) {
          yield "{\"status\":\"creator\",\"user\":" + user(user) + ",\"is_anonymous\":false}";
        }
        yield "{\"status\":\"" + STATUS + "\",\"user\":" + user(user) + "}";
      }
      case "getChatAdministrators" ->
          "[{\"status\":\"creator\",\"user\":"
              + user(OWNER)
              + ",\"is_anonymous\":false},{\"status\":\"administrator\",\"user\":"
              + BOT
              + ","
              + RIGHTS
              + "}]";
      case "sendMessage", "editMessageText" ->
          "{\"message_id\":"
              + MESSAGE_IDS.incrementAndGet()
              + ",\"date\":1700000000,\"chat\":"
              + chat(chatId(params))
              + ",\"text\":\"\"}";
      case "createChatInviteLink" ->
          "{\"invite_link\":\"https://t.me/+stub\",\"creator\":"
              + BOT
              + ",\"creates_join_request\":false,\"is_primary\":false,\"is_revoked\":false}";
      case "setWebhook" -> {
        webhook = text(params, "url");
        yield "true";
      }
      case "deleteWebhook" -> {
        webhook = "";
        yield "true";
      }
      case "getWebhookInfo" ->
          "{\"url\":\""
              + webhook
              + "\",\"has_custom_certificate\":false,\"pending_update_count\":0}";
      case "getUpdates" -> "[]";
      default -> "true";
    };
  }

  static String user(long id) {
    return "{\"id\":" + id + ",\"is_bot\":false,\"first_name\":\"U" + id + "\"}";
  }

  static String chat(long id) {
    if (id == -1002 || id == -1003) {
      return "{\"id\":" + id + ",\"type\":\"channel\",\"title\":\"News " + id
          + "\",\"username\":\"news" + -id + "\"}";
    }
    return "{\"id\":" + id + ",\"type\":\"supergroup\",\"title\":\"Group " + id
        + "\",\"username\":\"group" + -id + "\",\"permissions\":{\"can_send_messages\":true,"
        + "\"can_send_other_messages\":true,\"can_invite_users\":true}}";
  }

  static long chatId(String params) {
    String raw = text(params, "chat_id");
    if (raw.startsWith("@news")) {
      return -Long.parseLong(raw.substring(5));
    }
    return raw.isEmpty() ? 0 : Long.parseLong(raw);
  }

  static long number(String params, String name, long fallback) {
    String raw = text(params, name);
    return raw.isEmpty() ? fallback : Long.parseLong(raw);
  }

  /** A parameter of a JSON body ("name":value or "name":"value") or a form/query string. */
  static String text(String params, String name) {
    Matcher json =
        Pattern.compile("\"" + name + "\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|(-?[0-9]+))")
            .matcher(params);
    if (json.find()) {
      return json.group(2) != null ? json.group(2).replace("\\/", "/") : json.group(3);
    }
    Matcher form = Pattern.compile("(?:^|&)" + name + "=([^&]*)").matcher(params);
    return form.find() ? URLDecoder.decode(form.group(1), StandardCharsets.UTF_8) : "";
  }

  static void reply(HttpExchange x, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", "application/json");
    x.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(bytes);
    }
  }
}
