package dev.gmbot.port.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads configuration variables, the one way every module does:
 *
 * <ul>
 *   <li>A variable that is unset or blank is absent; values are stripped.
 *   <li>Whole numbers have a range: {@code must be a whole number from 1 to 100, got 'x'}.
 *   <li>Flags accept {@code true/false}, {@code on/off}, {@code yes/no} and {@code 1/0}, in any
 *       case.
 *   <li>Durations are a number with a unit ({@code 500ms}, {@code 10s}, {@code 5m}, {@code 2h},
 *       {@code 1d}) or ISO-8601 ({@code PT10S}, {@code P1D}). A bare number counts in the unit the
 *       variable's name ends with: milliseconds for {@code …_MS}, seconds otherwise ({@code
 *       GMBOT_POLL_LEASE_SECONDS=30}, {@code GMBOT_JOIN_WINDOW=180}). Every duration has a range.
 *   <li>URLs are absolute {@code http(s)} URLs without user info, query or fragment.
 * </ul>
 *
 * Every problem is a {@link ConfigurationException} naming the variable; values of secrets are
 * never repeated in it. The reader remembers what it read ({@link #names()}, {@link #values()}), so
 * that a deployable's complete reading can be inspected and compared. Not thread-safe: it is used
 * while a deployable starts.
 */
public final class ConfigReader {
  private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m|h|d)?");
  private static final Map<String, Boolean> FLAGS =
      Map.of(
          "true", true, "on", true, "yes", true, "1", true, "false", false, "off", false, "no",
          false, "0", false);

  private final Map<String, String> variables;
  private final Set<String> names = new LinkedHashSet<>();
  private final Map<String, Object> values = new LinkedHashMap<>();

  private ConfigReader(Map<String, String> variables) {
    Map<String, String> copy = new TreeMap<>();
    variables.forEach(
        (name, value) -> {
          if (name != null && value != null && !value.isBlank()) {
            copy.put(name, value.strip());
          }
        });
    this.variables = Collections.unmodifiableMap(copy);
  }

  /** A reader over these variables (typically {@code System.getenv()}). */
  public static ConfigReader of(Map<String, String> variables) {
    return new ConfigReader(Objects.requireNonNull(variables, "variables"));
  }

  // ---- plain text ----------------------------------------------------------------------------

  /** True when the variable is set to a non-blank value. Does not count as reading it. */
  public boolean isSet(String name) {
    return variables.containsKey(name);
  }

  /** The stripped value, or empty when unset or blank. */
  public Optional<String> text(String name) {
    Optional<String> value = raw(name);
    value.ifPresent(v -> values.put(name, v));
    return value;
  }

  /** The stripped value, or the fallback. */
  public String text(String name, String fallback) {
    return text(name).orElse(fallback);
  }

  /**
   * The stripped value.
   *
   * @param expected what the variable should hold, for the message when it is missing
   */
  public String required(String name, String expected) {
    return text(name)
        .orElseThrow(
            () -> new ConfigurationException(name, "is not set (expected " + expected + ")"));
  }

  /**
   * A secret (a token, a password): checked against a rule, never repeated in a message.
   *
   * @param rule the whole value must match it
   * @param problem the message's problem when it does not, e.g. {@code "must be 1-256 characters of
   *     …"}
   */
  public Optional<String> secret(String name, Pattern rule, String problem) {
    Optional<String> value = raw(name);
    if (value.isPresent() && !rule.matcher(value.get()).matches()) {
      throw new ConfigurationException(name, problem);
    }
    value.ifPresent(v -> values.put(name, v));
    return value;
  }

  // ---- numbers, flags, durations -------------------------------------------------------------

  /** A whole number in {@code [min, max]}, or the fallback when unset. */
  public int integer(String name, int fallback, int min, int max) {
    Optional<String> value = raw(name);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.get());
      if (parsed >= min && parsed <= max) {
        values.put(name, parsed);
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigurationException(
        name, "must be a whole number from " + min + " to " + max + ", got '" + value.get() + "'");
  }

  /** A flag (true/false, on/off, yes/no, 1/0), or the fallback when unset. */
  public boolean flag(String name, boolean fallback) {
    Optional<String> value = raw(name);
    if (value.isEmpty()) {
      return fallback;
    }
    Boolean parsed = FLAGS.get(value.get().toLowerCase(Locale.ROOT));
    if (parsed == null) {
      throw new ConfigurationException(
          name, "must be true or false (or on/off, yes/no, 1/0), got '" + value.get() + "'");
    }
    values.put(name, parsed);
    return parsed;
  }

  /**
   * A duration in {@code [min, max]}, or the fallback when unset (see the class comment for the
   * accepted forms).
   */
  public Duration duration(String name, Duration fallback, Duration min, Duration max) {
    Optional<String> value = raw(name);
    if (value.isEmpty()) {
      return fallback;
    }
    Optional<Duration> parsed = parseDuration(value.get(), name.endsWith("_MS"));
    if (parsed.isPresent()
        && parsed.get().compareTo(min) >= 0
        && parsed.get().compareTo(max) <= 0) {
      values.put(name, parsed.get());
      return parsed.get();
    }
    throw new ConfigurationException(
        name,
        "must be a duration from "
            + format(min)
            + " to "
            + format(max)
            + " such as 500ms, 10s, 5m, 2h or PT10S"
            + (name.endsWith("_MS") ? " (a bare number is milliseconds)" : "")
            + ", got '"
            + value.get()
            + "'");
  }

  // ---- URLs and choices ----------------------------------------------------------------------

  /** An absolute http(s) URL without user info, query or fragment, or empty when unset. */
  public Optional<URI> httpUrl(String name) {
    Optional<String> value = raw(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(value.get());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("https") || scheme.equals("http"))
          && uri.getHost() != null
          && uri.getRawUserInfo() == null
          && uri.getRawQuery() == null
          && uri.getRawFragment() == null) {
        values.put(name, uri);
        return Optional.of(uri);
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new ConfigurationException(
        name,
        "must be an absolute http(s) URL without query, e.g. https://example.org, got '"
            + value.get()
            + "'");
  }

  /** An http(s) URL (see {@link #httpUrl(String)}), or the fallback when unset. */
  public URI httpUrl(String name, URI fallback) {
    return httpUrl(name).orElse(fallback);
  }

  /**
   * One of a few words (compared case-insensitively), or the fallback when unset.
   *
   * @param words the accepted words (lower case) and what each means
   */
  public <T> T choice(String name, T fallback, Map<String, T> words) {
    Optional<String> value = raw(name);
    if (value.isEmpty()) {
      return fallback;
    }
    T parsed = words.get(value.get().toLowerCase(Locale.ROOT));
    if (parsed == null) {
      throw new ConfigurationException(
          name,
          "must be one of "
              + String.join(", ", new TreeMap<>(words).keySet())
              + ", got '"
              + value.get()
              + "'");
    }
    values.put(name, parsed);
    return parsed;
  }

  /**
   * A value with a parser of its own (a database URL, a Redis URL), or empty when unset.
   *
   * @param parser turns the stripped value into the setting; it throws a {@link
   *     ConfigurationException} naming the variable when the value is invalid
   */
  public <T> Optional<T> parsed(String name, Function<String, T> parser) {
    Optional<String> value = raw(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    T parsed = Objects.requireNonNull(parser.apply(value.get()), "parser result");
    values.put(name, parsed);
    return Optional.of(parsed);
  }

  // ---- what was read -------------------------------------------------------------------------

  /** Every variable asked for so far, set or not, in the order first asked. */
  public Set<String> names() {
    return Collections.unmodifiableSet(names);
  }

  /**
   * What each variable that was set and read parsed to (a number, a flag, a {@link Duration}, a
   * {@link URI}, a parsed setting, or the stripped text). Secrets are included: never log it.
   */
  public Map<String, Object> values() {
    return Collections.unmodifiableMap(values);
  }

  /** The variables, to hand to code that reads them itself. */
  public Map<String, String> variables() {
    return variables;
  }

  @Override
  public String toString() {
    return "ConfigReader[" + variables.size() + " variables, " + names.size() + " read]";
  }

  private Optional<String> raw(String name) {
    Objects.requireNonNull(name, "name");
    names.add(name);
    return Optional.ofNullable(variables.get(name));
  }

  /** The duration a text stands for, if it is one. */
  static Optional<Duration> parseDuration(String text, boolean bareIsMillis) {
    Matcher m = DURATION.matcher(text.toLowerCase(Locale.ROOT));
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      String unit = m.group(2) == null ? (bareIsMillis ? "ms" : "s") : m.group(2);
      return Optional.of(
          switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
          });
    }
    try {
      return Optional.of(Duration.parse(text.toUpperCase(Locale.ROOT)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** A duration the way the messages and the docs write it: 500ms, 10s, 5m, 2h, 1d. */
  static String format(Duration d) {
    long ms = d.toMillis();
    if (ms % 86_400_000 == 0 && ms > 0) {
      return ms / 86_400_000 + "d";
    }
    if (ms % 3_600_000 == 0 && ms > 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0 && ms > 0) {
      return ms / 60_000 + "m";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }
}
