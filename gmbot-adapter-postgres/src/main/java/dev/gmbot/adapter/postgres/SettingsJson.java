package dev.gmbot.adapter.postgres;

import dev.gmbot.port.model.EnforcementRules;
import dev.gmbot.port.model.GroupSettings;
import dev.gmbot.port.model.Language;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link GroupSettings} as the flat JSON object stored in {@code protected_groups.params}. Missing
 * keys take the defaults and unknown keys are ignored, so settings can grow without a migration
 * (the group's {@code language} and {@code promptTopic} joined them so: a group stored before them
 * speaks the default language and prompts joins in the General topic; the enforcement rules of
 * issue 16 likewise: a group stored before them mutes and lets through, as before).
 */
final class SettingsJson {
  private SettingsJson() {}

  static String write(GroupSettings settings) {
    StringBuilder out = new StringBuilder("{");
    settings
        .promptText()
        .ifPresent(t -> out.append("\"promptText\":").append(quote(t)).append(','));
    out.append("\"verifyButtonText\":").append(quote(settings.verifyButtonText())).append(',');
    out.append("\"joinButtonText\":").append(quote(settings.joinButtonText())).append(',');
    out.append("\"promptLifetimeSeconds\":").append(settings.promptLifetime().toSeconds());
    out.append(',');
    out.append("\"deleteMessages\":").append(settings.deleteMessages()).append(',');
    // ---- enforcement policy (issue 16) ----
    EnforcementRules e = settings.enforcement();
    out.append("\"action\":").append(quote(e.action().key())).append(',');
    out.append("\"removeAfterSeconds\":").append(e.removeAfter().toSeconds()).append(',');
    out.append("\"onCheckFailure\":").append(quote(e.onCheckFailure().key())).append(',');
    out.append("\"holdLimitSeconds\":").append(e.holdLimit().toSeconds()).append(',');
    out.append("\"language\":").append(quote(settings.language().tag()));
    settings.promptTopic().ifPresent(t -> out.append(",\"promptTopic\":").append(t));
    return out.append('}').toString();
  }

  static GroupSettings read(String json) {
    Map<String, Object> values = new Parser(json).object();
    GroupSettings d = GroupSettings.DEFAULTS;
    return new GroupSettings(
        Optional.ofNullable(values.get("promptText")).map(Object::toString),
        stringOr(values, "verifyButtonText", d.verifyButtonText()),
        stringOr(values, "joinButtonText", d.joinButtonText()),
        values.get("promptLifetimeSeconds") instanceof Long seconds
            ? Duration.ofSeconds(seconds)
            : d.promptLifetime(),
        values.get("deleteMessages") instanceof Boolean b ? b : d.deleteMessages(),
        values.get("language") instanceof String tag
            ? Language.ofTag(tag).orElse(d.language())
            : d.language(),
        values.get("promptTopic") instanceof Long topic && topic > 0
            ? Optional.of(topic)
            : Optional.empty(),
        enforcement(values));
  }

  /**
   * The enforcement rules (issue 16); a group stored before them, or a bad value, gets defaults.
   */
  private static EnforcementRules enforcement(Map<String, Object> values) {
    EnforcementRules d = EnforcementRules.DEFAULTS;
    EnforcementRules.Action action =
        values.get("action") instanceof String a
            ? EnforcementRules.Action.ofKey(a).orElse(d.action())
            : d.action();
    EnforcementRules.CheckFailure failure =
        values.get("onCheckFailure") instanceof String f
            ? EnforcementRules.CheckFailure.ofKey(f).orElse(d.onCheckFailure())
            : d.onCheckFailure();
    Duration removeAfter = seconds(values, "removeAfterSeconds", d.removeAfter());
    Duration holdLimit = seconds(values, "holdLimitSeconds", d.holdLimit());
    try {
      return new EnforcementRules(action, removeAfter, failure, holdLimit);
    } catch (IllegalArgumentException outOfRange) {
      return new EnforcementRules(action, d.removeAfter(), failure, d.holdLimit());
    }
  }

  private static Duration seconds(Map<String, Object> values, String key, Duration fallback) {
    return values.get(key) instanceof Long s ? Duration.ofSeconds(s) : fallback;
  }

  private static String stringOr(Map<String, Object> values, String key, String fallback) {
    return values.get(key) instanceof String s && !s.isBlank() ? s : fallback;
  }

  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** A parser for one flat object of strings, integers, booleans and nulls. */
  private static final class Parser {
    private final String text;
    private int pos;

    Parser(String text) {
      this.text = text;
    }

    Map<String, Object> object() {
      Map<String, Object> values = new LinkedHashMap<>();
      skipSpace();
      expect('{');
      skipSpace();
      if (peek() == '}') {
        pos++;
        return values;
      }
      while (true) {
        skipSpace();
        String key = string();
        skipSpace();
        expect(':');
        skipSpace();
        values.put(key, value());
        skipSpace();
        char c = next();
        if (c == '}') {
          return values;
        }
        if (c != ',') {
          throw error("expected , or }");
        }
      }
    }

    private Object value() {
      char c = peek();
      if (c == '"') {
        return string();
      }
      if (text.startsWith("true", pos)) {
        pos += 4;
        return Boolean.TRUE;
      }
      if (text.startsWith("false", pos)) {
        pos += 5;
        return Boolean.FALSE;
      }
      if (text.startsWith("null", pos)) {
        pos += 4;
        return null;
      }
      int start = pos;
      while (pos < text.length() && "+-0123456789".indexOf(text.charAt(pos)) >= 0) {
        pos++;
      }
      if (start == pos) {
        throw error("unsupported value");
      }
      return Long.parseLong(text.substring(start, pos));
    }

    private String string() {
      expect('"');
      StringBuilder out = new StringBuilder();
      while (true) {
        char c = next();
        if (c == '"') {
          return out.toString();
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        char e = next();
        switch (e) {
          case '"', '\\', '/' -> out.append(e);
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'u' -> {
            if (pos + 4 > text.length()) {
              throw error("short \\u escape");
            }
            out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
            pos += 4;
          }
          default -> throw error("bad escape");
        }
      }
    }

    private void skipSpace() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    private char peek() {
      if (pos >= text.length()) {
        throw error("unexpected end");
      }
      return text.charAt(pos);
    }

    private char next() {
      char c = peek();
      pos++;
      return c;
    }

    private void expect(char c) {
      if (next() != c) {
        throw error("expected " + c);
      }
    }

    private IllegalStateException error(String what) {
      return new IllegalStateException("group settings JSON: " + what + " at " + pos);
    }
  }
}
