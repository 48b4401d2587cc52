package dev.gmbot.testkit.simulator;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Request parameters from the query string and a JSON or form-urlencoded body. */
final class Params {
  private final Map<String, Object> values;

  Params(Map<String, Object> values) {
    this.values = values;
  }

  Map<String, Object> asMap() {
    return Collections.unmodifiableMap(values);
  }

  static Params empty() {
    return new Params(new LinkedHashMap<>());
  }

  boolean has(String name) {
    Object v = values.get(name);
    return v != null && !(v instanceof String s && s.isEmpty());
  }

  Optional<String> string(String name) {
    Object v = values.get(name);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof Map || v instanceof List) {
      return Optional.of(Json.write(v));
    }
    if (v instanceof BigDecimal bd) {
      return Optional.of(bd.toPlainString());
    }
    return Optional.of(v.toString());
  }

  Optional<Long> longValue(String name) {
    Object v = values.get(name);
    if (v instanceof Long l) {
      return Optional.of(l);
    }
    if (v instanceof Integer i) {
      return Optional.of(i.longValue());
    }
    if (v instanceof BigDecimal bd) {
      try {
        return Optional.of(bd.longValueExact());
      } catch (ArithmeticException e) {
        return Optional.empty();
      }
    }
    if (v instanceof String s) {
      try {
        return Optional.of(Long.parseLong(s.trim()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  long longOr(String name, long dflt) {
    return longValue(name).orElse(dflt);
  }

  boolean bool(String name) {
    Object v = values.get(name);
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof String s) {
      return s.equalsIgnoreCase("true") || s.equals("1");
    }
    if (v instanceof Long l) {
      return l != 0;
    }
    return false;
  }

  /** An object parameter; JSON-serialized strings are parsed. Empty if absent or unparseable. */
  @SuppressWarnings("unchecked")
  Optional<Map<String, Object>> object(String name) {
    Object v = values.get(name);
    if (v instanceof Map) {
      return Optional.of((Map<String, Object>) v);
    }
    if (v instanceof String s) {
      try {
        Object parsed = Json.parse(s);
        if (parsed instanceof Map) {
          return Optional.of((Map<String, Object>) parsed);
        }
      } catch (Json.JsonException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** An array parameter; JSON-serialized strings are parsed. Empty if absent or not an array. */
  @SuppressWarnings("unchecked")
  Optional<List<Object>> list(String name) {
    Object v = values.get(name);
    if (v instanceof List) {
      return Optional.of((List<Object>) v);
    }
    if (v instanceof String s) {
      try {
        Object parsed = Json.parse(s);
        if (parsed instanceof List) {
          return Optional.of((List<Object>) parsed);
        }
      } catch (Json.JsonException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
