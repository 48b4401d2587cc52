package dev.gmbot.app.server.e2e;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The webhook fuzzer's request generator (ADR 0096): body number {@code i} of seed {@code s} is
 * always the same request, whatever the batch, the order of sending or the number of bodies, since
 * each is drawn from its own {@link SplittableRandom} seeded from {@code (s, i)}. One failing body
 * is therefore replayed alone with {@code -Dfuzz.seed=s -Dfuzz.first=i -Dfuzz.count=1}.
 *
 * <p>Most bodies start as a valid-shaped update of a kind GMBot reads, built as a tree (maps,
 * lists, strings, numbers), and get one to three structured mutations: a value of the wrong type, a
 * huge or non-integral number, a chat id of the wrong sign for its type, a missing field, unknown
 * fields, hostile unicode, hostile ids, deep nesting. The rest are textual: truncated JSON, random
 * bytes (alone or flipped into a valid update), near-JSON literals, forged secrets, wrong content
 * types and bodies over the server's limit.
 */
final class WebhookFuzzBodies {
  /** One generated request: what it is, its body, its Content-Type (null: none), its secret. */
  record Probe(long index, String kind, byte[] body, String contentType, Secret secret) {
    boolean authenticated() {
      return secret == Secret.VALID;
    }

    /** The whole request, printable: control bytes and invalid UTF-8 as escapes, cut at 4 KiB. */
    String describe() {
      StringBuilder text = new StringBuilder();
      int shown = Math.min(body.length, 4096);
      for (int i = 0; i < shown; i++) {
        int b = body[i] & 0xff;
        if (b >= 0x20 && b < 0x7f && b != '\\') {
          text.append((char) b);
        } else {
          text.append(String.format(Locale.ROOT, "\\x%02x", b));
        }
      }
      return "#"
          + index
          + " "
          + kind
          + " ["
          + body.length
          + " B, Content-Type "
          + contentType
          + ", secret "
          + secret
          + "] "
          + text
          + (shown < body.length ? "… (" + (body.length - shown) + " more bytes)" : "");
    }

    @Override
    public String toString() {
      return describe();
    }
  }

  enum Secret {
    VALID,
    MISSING,
    EMPTY,
    WRONG,
    PREFIX,
    LONGER,
    UPPER_CASE,
    HUGE
  }

  /** A JSON text written as it is (a number no Java type holds, a literal JSON does not have). */
  record Raw(String text) {}

  /** Where a value sits in the tree: a key of an object or an index of an array. */
  private record Slot(Object container, Object key) {
    Object get() {
      return container instanceof Map<?, ?> m ? m.get(key) : ((List<?>) container).get((int) key);
    }

    @SuppressWarnings("unchecked")
    void set(Object value) {
      if (container instanceof Map<?, ?> m) {
        ((Map<String, Object>) m).put((String) key, value);
      } else {
        ((List<Object>) container).set((int) key, value);
      }
    }

    void remove() {
      if (container instanceof Map<?, ?> m) {
        m.remove(key);
      } else {
        ((List<?>) container).remove((int) key);
      }
    }
  }

  private static final String[] UPDATE_TYPES = {
    "message",
    "edited_message",
    "chat_member",
    "my_chat_member",
    "callback_query",
    "channel_post",
    "message_reaction",
    "chat_join_request"
  };

  private static final String[] CHAT_TYPES = {"private", "group", "supergroup", "channel"};

  private static final String[] LITERALS = {
    "{",
    "}",
    "[]",
    "null",
    "\"update\"",
    "42",
    "{\"update_id\":}",
    "{\"update_id\":1,}",
    "{'update_id':1}",
    "{\"update_id\":1}}",
    "{\"update_id\":1 \"message\":{}}",
    "{\"update_id\":0x10}",
    "{\"update_id\":NaN}",
    "{\"update_id\":Infinity}",
    "\uFEFF{\"update_id\":1}",
    "{\"update_id\":1}\u0000",
    "{\"update_id\":\"\\ud800\"}",
    "{\"update_id\":1,\"message\":{\"text\":\"\\u12\"}}",
    "{\"update_id\":1,\"update_id\":2}",
    "[{\"update_id\":1}]",
    ""
  };

  private static final String[] HUGE_NUMBERS = {
    "1e400",
    "-1e400",
    "99999999999999999999999999999999",
    "-99999999999999999999999999999999",
    "9223372036854775808",
    "-9223372036854775809",
    "1.0000000000000001",
    "-0",
    "0.0",
    "1E10",
    "4.9e-325",
    "1" + "0".repeat(5000)
  };

  private static final String[] HOSTILE_TEXTS = {
    "",
    " ",
    "\u0000",
    "\ud800",
    "\udc00\ud800",
    "\u202Eevil\u202C",
    "\u200B\u200D\u2060",
    "\uFEFF",
    "\uFFFF\uFFFE",
    "e\u0301".repeat(2000),
    "👩‍👩‍👧‍👦".repeat(500),
    "/start " + "A".repeat(4000),
    "/protect @" + "x".repeat(300),
    "/settings@" + "\u0645".repeat(64),
    "<b>&amp;</b>\"'\\\\",
    "%s%n%x${jndi:ldap://x}"
  };

  private static final String[] CONTENT_TYPES = {
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data",
    "multipart/form-data; boundary=xyz",
    "application/xml",
    "application/json; charset=iso-8859-1",
    "application/octet-stream",
    "%%%",
    "*/*"
  };

  private static final Secret[] FORGED_SECRETS = {
    Secret.MISSING,
    Secret.EMPTY,
    Secret.WRONG,
    Secret.PREFIX,
    Secret.LONGER,
    Secret.UPPER_CASE,
    Secret.HUGE
  };

  /** Generated update ids of forged requests: never an id the simulator gives. */
  private static final long FORGED_IDS = 900_000_000_001L;

  private final long seed;
  private final int bodyLimit;
  private final long protectedGroup;
  private final long forgingUser;

  /**
   * @param protectedGroup the group forged requests speak of (they must never reach it)
   * @param forgingUser the non-subscriber forged requests speak for
   */
  WebhookFuzzBodies(long seed, int bodyLimit, long protectedGroup, long forgingUser) {
    this.seed = seed;
    this.bodyLimit = bodyLimit;
    this.protectedGroup = protectedGroup;
    this.forgingUser = forgingUser;
  }

  /** Body number {@code index} of this seed. */
  Probe probe(long index) {
    SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
    int pick = r.nextInt(100);
    if (pick < 40) {
      return mutated(index, r);
    } else if (pick < 48) {
      return truncated(index, r);
    } else if (pick < 56) {
      return randomBytes(index, r);
    } else if (pick < 60) {
      return valid(index, "near-JSON literal", LITERALS[r.nextInt(LITERALS.length)]);
    } else if (pick < 72) {
      return hostileValues(index, r);
    } else if (pick < 86) {
      return forged(index, r);
    } else if (pick < 94) {
      return wrongContentType(index, r);
    } else if (pick < 99) {
      return deepNesting(index, r);
    }
    return oversized(index, r);
  }

  // ------------------------------------------------------------------ kinds of body

  private Probe mutated(long index, SplittableRandom r) {
    Map<String, Object> update = update(r);
    int mutations = 1 + r.nextInt(3);
    List<String> applied = new ArrayList<>();
    for (int i = 0; i < mutations; i++) {
      applied.add(mutate(update, r));
    }
    return valid(index, String.join("+", applied), write(update));
  }

  /** One structured mutation of the tree, named. */
  private String mutate(Map<String, Object> update, SplittableRandom r) {
    List<Slot> slots = slots(update);
    if (slots.isEmpty()) { // every field removed already
      update.put(text(r, 1 + r.nextInt(30)), anyValue(r));
      return "unknown field";
    }
    Slot slot = slots.get(r.nextInt(slots.size()));
    switch (r.nextInt(8)) {
      case 0 -> {
        slot.set(anyValue(r));
        return "wrong type";
      }
      case 1 -> {
        List<Slot> numbers = slots.stream().filter(s -> s.get() instanceof Long).toList();
        (numbers.isEmpty() ? slot : numbers.get(r.nextInt(numbers.size())))
            .set(new Raw(HUGE_NUMBERS[r.nextInt(HUGE_NUMBERS.length)]));
        return "huge number";
      }
      case 2 -> {
        wrongSign(update, r);
        return "wrong-sign id";
      }
      case 3 -> {
        slot.remove();
        return "missing field";
      }
      case 4 -> {
        List<Slot> objects = slots.stream().filter(s -> s.get() instanceof Map<?, ?>).toList();
        @SuppressWarnings("unchecked")
        Map<String, Object> target =
            objects.isEmpty()
                ? update
                : (Map<String, Object>) objects.get(r.nextInt(objects.size())).get();
        int extra = 1 + r.nextInt(20);
        for (int i = 0; i < extra; i++) {
          target.put(text(r, 1 + r.nextInt(30)), anyValue(r));
        }
        return "unknown fields";
      }
      case 5 -> {
        List<Slot> strings = slots.stream().filter(s -> s.get() instanceof String).toList();
        (strings.isEmpty() ? slot : strings.get(r.nextInt(strings.size()))).set(hostileText(r));
        return "unicode";
      }
      case 6 -> {
        slot.set(nested(r, 10 + r.nextInt(2000), true));
        return "nesting";
      }
      default -> {
        List<Slot> numbers = slots.stream().filter(s -> s.get() instanceof Long).toList();
        (numbers.isEmpty() ? slot : numbers.get(r.nextInt(numbers.size()))).set(hostileId(r));
        return "hostile id";
      }
    }
  }

  /** Every chat in the update gets an id of the wrong sign for its type. */
  private static void wrongSign(Map<String, Object> update, SplittableRandom r) {
    for (Slot s : slots(update)) {
      if (s.key().equals("chat") && s.get() instanceof Map<?, ?> chat) {
        @SuppressWarnings("unchecked")
        Map<String, Object> c = (Map<String, Object>) chat;
        boolean makePrivate = r.nextBoolean();
        c.put("type", makePrivate ? "private" : CHAT_TYPES[1 + r.nextInt(3)]);
        // private chats are positive (the user's id), groups and channels negative
        long magnitude = 3_000_000_000L + r.nextLong(1_000_000_000_000L);
        c.put("id", makePrivate ? -magnitude : magnitude);
      }
    }
  }

  private Probe truncated(long index, SplittableRandom r) {
    String json = write(update(r));
    return valid(index, "truncated", json.substring(0, r.nextInt(json.length())));
  }

  private Probe randomBytes(long index, SplittableRandom r) {
    if (r.nextBoolean()) {
      byte[] bytes = new byte[r.nextInt(301)];
      r.nextBytes(bytes);
      return new Probe(index, "random bytes", bytes, "application/json", Secret.VALID);
    }
    byte[] bytes = write(update(r)).getBytes(StandardCharsets.UTF_8);
    int flips = 1 + r.nextInt(8);
    for (int i = 0; i < flips; i++) {
      bytes[r.nextInt(bytes.length)] = (byte) r.nextInt(256);
    }
    return new Probe(index, "flipped bytes", bytes, "application/json", Secret.VALID);
  }

  private Probe hostileValues(long index, SplittableRandom r) {
    Map<String, Object> update =
        shaped(
            UPDATE_TYPES[r.nextInt(5)],
            hostileId(r),
            hostileId(r),
            CHAT_TYPES[r.nextInt(CHAT_TYPES.length)],
            hostileId(r),
            hostileText(r));
    return valid(index, "hostile values", write(update));
  }

  /**
   * Valid updates that would make the bot act (the forging user, no subscriber, writes in and joins
   * the protected group, presses a button) with a wrong or missing secret: never processed.
   */
  private Probe forged(long index, SplittableRandom r) {
    String type = new String[] {"message", "chat_member", "callback_query"}[r.nextInt(3)];
    Map<String, Object> update =
        shaped(type, FORGED_IDS + index, protectedGroup, "supergroup", forgingUser, "spam");
    return new Probe(
        index,
        "forged " + type,
        write(update).getBytes(StandardCharsets.UTF_8),
        r.nextBoolean() ? "application/json" : "text/plain",
        FORGED_SECRETS[r.nextInt(FORGED_SECRETS.length)]);
  }

  private Probe wrongContentType(long index, SplittableRandom r) {
    boolean none = r.nextBoolean();
    String type = CONTENT_TYPES[r.nextInt(CONTENT_TYPES.length)];
    return new Probe(
        index,
        "content type " + (none ? "none" : type),
        write(update(r)).getBytes(StandardCharsets.UTF_8),
        none ? null : type,
        Secret.VALID);
  }

  private Probe deepNesting(long index, SplittableRandom r) {
    boolean closed = r.nextBoolean();
    Map<String, Object> update = new LinkedHashMap<>();
    update.put("update_id", 123L);
    update.put(
        new String[] {"update_id", "message", "x"}[r.nextInt(3)],
        nested(r, 10 + r.nextInt(20_000), closed));
    String json = write(update);
    return valid(index, "deep nesting", closed ? json : json.substring(0, json.length() - 1));
  }

  private Probe oversized(long index, SplittableRandom r) {
    int size = bodyLimit + 1 + r.nextInt(32 * 1024);
    String head = "{\"update_id\":1,\"pad\":\"";
    String json = head + "x".repeat(size - head.length() - 2) + "\"}";
    Secret secret = new Secret[] {Secret.VALID, Secret.WRONG, Secret.MISSING}[r.nextInt(3)];
    return new Probe(
        index, "oversized", json.getBytes(StandardCharsets.UTF_8), "application/json", secret);
  }

  private static Probe valid(long index, String kind, String json) {
    return new Probe(
        index, kind, json.getBytes(StandardCharsets.UTF_8), "application/json", Secret.VALID);
  }

  // ------------------------------------------------------------------ values

  /**
   * A valid-shaped update of one of the kinds GMBot reads, with ordinary values: ids that are never
   * the simulator's (its users count up from 100,000,001, its chats are -1001…).
   */
  private static Map<String, Object> update(SplittableRandom r) {
    long updateId = 1_000_000_000L + r.nextLong(1_000_000_000L);
    long user = 1_000_000_000L + r.nextLong(1_000_000_000L);
    boolean privateChat = r.nextInt(5) == 0;
    long chat = privateChat ? user : -1_900_000_000_000L - r.nextLong(1_000_000_000L);
    String chatType = privateChat ? "private" : r.nextBoolean() ? "supergroup" : "group";
    String text =
        r.nextInt(4) == 0
            ? new String[] {"/start", "/help", "/protect @x", "/status", "/settings"}[r.nextInt(5)]
            : text(r, r.nextInt(13));
    return shaped(
        UPDATE_TYPES[r.nextInt(UPDATE_TYPES.length)], updateId, chat, chatType, user, text);
  }

  static Map<String, Object> shaped(
      String type, long updateId, long chatId, String chatType, long userId, String text) {
    Map<String, Object> chat = new LinkedHashMap<>();
    chat.put("id", chatId);
    chat.put("type", chatType);
    chat.put(chatType.equals("private") ? "first_name" : "title", "t");
    Map<String, Object> from = user(userId, text);
    Map<String, Object> payload = new LinkedHashMap<>();
    switch (type) {
      case "chat_member", "my_chat_member" -> {
        payload.put("chat", chat);
        payload.put("from", from);
        payload.put("date", 1_700_000_000L);
        payload.put("old_chat_member", member("left", userId, text));
        payload.put("new_chat_member", member("member", userId, text));
      }
      case "callback_query" -> {
        payload.put("id", "1");
        payload.put("from", from);
        payload.put("chat_instance", "1");
        payload.put("data", text);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("message_id", 1L);
        message.put("date", 1_700_000_000L);
        message.put("chat", chat);
        payload.put("message", message);
      }
      case "chat_join_request" -> {
        payload.put("chat", chat);
        payload.put("from", from);
        payload.put("user_chat_id", userId);
        payload.put("date", 1_700_000_000L);
      }
      case "message_reaction" -> {
        payload.put("chat", chat);
        payload.put("message_id", 1L);
        payload.put("user", from);
        payload.put("date", 1_700_000_000L);
        payload.put("old_reaction", new ArrayList<>());
        payload.put("new_reaction", new ArrayList<>(List.of(reaction())));
      }
      default -> {
        payload.put("message_id", 1L);
        payload.put("date", 1_700_000_000L);
        payload.put("chat", chat);
        payload.put("from", from);
        payload.put("text", text);
        if (text.startsWith("/")) {
          payload.put("entities", new ArrayList<>(List.of(entity(text))));
        }
        if (Math.floorMod(updateId, 3) == 0) { // a join (else a text or a command)
          payload.put("new_chat_members", new ArrayList<>(List.of(user(userId, text))));
        }
      }
    }
    Map<String, Object> update = new LinkedHashMap<>();
    update.put("update_id", updateId);
    update.put(type, payload);
    return update;
  }

  private static Map<String, Object> user(long id, String firstName) {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("id", id);
    user.put("is_bot", false);
    user.put("first_name", firstName);
    return user;
  }

  private static Map<String, Object> member(String status, long id, String name) {
    Map<String, Object> member = new LinkedHashMap<>();
    member.put("status", status);
    member.put("user", user(id, name));
    return member;
  }

  private static Map<String, Object> entity(String text) {
    Map<String, Object> entity = new LinkedHashMap<>();
    entity.put("type", "bot_command");
    entity.put("offset", 0L);
    entity.put("length", (long) text.length());
    return entity;
  }

  private static Map<String, Object> reaction() {
    Map<String, Object> reaction = new LinkedHashMap<>();
    reaction.put("type", "emoji");
    reaction.put("emoji", "👍");
    return reaction;
  }

  /** A JSON value of any type. */
  private static Object anyValue(SplittableRandom r) {
    return switch (r.nextInt(13)) {
      case 0 -> null;
      case 1 -> r.nextBoolean();
      case 2 -> 0L;
      case 3 -> -1L;
      case 4 -> new Raw("1.5");
      case 5 -> "";
      case 6 -> text(r, r.nextInt(21));
      case 7 -> new ArrayList<>();
      case 8 -> new LinkedHashMap<>();
      case 9 -> new ArrayList<>(List.of(1L, 2L));
      case 10 -> new LinkedHashMap<>(Map.of("id", "1"));
      case 11 -> String.valueOf(r.nextLong());
      default -> r.nextLong();
    };
  }

  /** Ids a hostile or broken sender would use; never in the simulator's own ranges. */
  private static long hostileId(SplittableRandom r) {
    return switch (r.nextInt(3)) {
      case 0 ->
          new long[] {0L, -1L, 1L, Long.MIN_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE + 1L}
              [r.nextInt(6)];
      case 1 -> -r.nextLong(1_000_000_000_001L);
      default -> 3_000_000_000L + r.nextLong(1_000_000_000_000_000L);
    };
  }

  /** Texts that trip up decoders and renderers. */
  private static String hostileText(SplittableRandom r) {
    return switch (r.nextInt(3)) {
      case 0 -> HOSTILE_TEXTS[r.nextInt(HOSTILE_TEXTS.length)];
      case 1 -> anyText(r, r.nextInt(201));
      default -> "x".repeat(1000 + r.nextInt(59_001));
    };
  }

  /** Letters and digits. */
  private static String text(SplittableRandom r, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(
          "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".charAt(r.nextInt(62)));
    }
    return sb.toString();
  }

  /** Any UTF-16 code units, lone surrogates and controls included. */
  private static String anyText(SplittableRandom r, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(
          switch (r.nextInt(4)) {
            case 0 -> (char) r.nextInt(0x80);
            case 1 -> (char) (0xD800 + r.nextInt(0x800)); // surrogates
            default -> (char) r.nextInt(0x10000);
          });
    }
    return sb.toString();
  }

  /** Arrays or objects nested {@code depth} deep around a 1, closed or not. */
  private static Raw nested(SplittableRandom r, int depth, boolean closed) {
    boolean arrays = r.nextBoolean();
    String open = arrays ? "[" : "{\"a\":";
    String close = arrays ? "]" : "}";
    return new Raw(open.repeat(depth) + "1" + (closed ? close.repeat(depth) : ""));
  }

  // ------------------------------------------------------------------ the tree

  /** Every value in the tree, depth first. */
  private static List<Slot> slots(Object root) {
    List<Slot> slots = new ArrayList<>();
    collect(root, slots);
    return slots;
  }

  private static void collect(Object node, List<Slot> slots) {
    if (node instanceof Map<?, ?> map) {
      for (Object key : new ArrayList<>(map.keySet())) {
        slots.add(new Slot(map, key));
        collect(map.get(key), slots);
      }
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        slots.add(new Slot(list, i));
        collect(list.get(i), slots);
      }
    }
  }

  static String write(Object value) {
    StringBuilder sb = new StringBuilder();
    write(value, sb);
    return sb.toString();
  }

  private static void write(Object value, StringBuilder sb) {
    switch (value) {
      case null -> sb.append("null");
      case Raw raw -> sb.append(raw.text());
      case String s -> sb.append('"').append(escape(s)).append('"');
      case Map<?, ?> map -> {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
          if (!first) {
            sb.append(',');
          }
          first = false;
          sb.append('"').append(escape((String) e.getKey())).append("\":");
          write(e.getValue(), sb);
        }
        sb.append('}');
      }
      case List<?> list -> {
        sb.append('[');
        for (int i = 0; i < list.size(); i++) {
          if (i > 0) {
            sb.append(',');
          }
          write(list.get(i), sb);
        }
        sb.append(']');
      }
      default -> sb.append(value); // Long, Boolean
    }
  }

  /** JSON string escaping; lone surrogates are written as escapes (invalid, on purpose). */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20 || Character.isSurrogate(c) && !validPair(s, i)) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static boolean validPair(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
