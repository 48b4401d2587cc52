package dev.gmbot.app.lambda.json;

import java.util.Collection;
import java.util.Map;

/**
 * Writes the few small JSON documents this module emits (EMF metric lines, log lines, webhook
 * replies) without a JSON library: maps, collections, strings, numbers, booleans and null.
 */
public final class JsonWriter {
  private JsonWriter() {}

  public static String write(Object value) {
    StringBuilder out = new StringBuilder(128);
    append(out, value);
    return out.toString();
  }

  public static void append(StringBuilder out, Object value) {
    switch (value) {
      case null -> out.append("null");
      case String s -> string(out, s);
      case Boolean b -> out.append(b);
      case Double d -> number(out, d);
      case Float f -> number(out, f.doubleValue());
      case Number n -> out.append(n.longValue());
      case Map<?, ?> map -> {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
          if (!first) {
            out.append(',');
          }
          first = false;
          string(out, String.valueOf(e.getKey()));
          out.append(':');
          append(out, e.getValue());
        }
        out.append('}');
      }
      case Collection<?> list -> {
        out.append('[');
        boolean first = true;
        for (Object item : list) {
          if (!first) {
            out.append(',');
          }
          first = false;
          append(out, item);
        }
        out.append(']');
      }
      default -> string(out, value.toString());
    }
  }

  private static void number(StringBuilder out, double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      out.append("null");
    } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      out.append((long) d);
    } else {
      out.append(d);
    }
  }

  private static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
