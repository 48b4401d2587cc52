package dev.gmbot.domain.i18n;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One message of a catalogue, parsed. The syntax is the plain subset of ICU MessageFormat that
 * GMBot's messages need:
 *
 * <ul>
 *   <li>{@code {name}}: a value (text, a number, or a list);
 *   <li>{@code {count, plural, one {# member} few {# members} other {# members}}}: the branch of
 *       the number's plural category in the message's language (or an exact {@code =0} branch
 *       first); {@code #} in a branch is the number; branches may hold values of their own.
 * </ul>
 *
 * Everything else is literal text: apostrophes need no quoting, and a message has no literal
 * braces.
 */
public final class Template {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern SELECTOR = Pattern.compile("zero|one|two|few|many|other|=\\d+");

  /** A piece of a message. */
  sealed interface Part {}

  record Literal(String text) implements Part {}

  record Value(String name) implements Part {}

  /** {@code #}: the number of the plural around it. */
  record Count(String name) implements Part {}

  record Plural(String name, Map<String, List<Part>> branches) implements Part {}

  /** How values are written: the language's plural rule and its way to show a value. */
  interface Style {
    PluralCategory category(long n);

    String value(Object value);
  }

  private final String source;
  private final List<Part> parts;

  private Template(String source, List<Part> parts) {
    this.source = source;
    this.parts = parts;
  }

  /**
   * Parses a message.
   *
   * @throws IllegalArgumentException when it is not written in the syntax above
   */
  public static Template parse(String source) {
    Objects.requireNonNull(source, "source");
    Parser parser = new Parser(source);
    List<Part> parts = parser.parts(null);
    if (parser.pos != source.length()) {
      throw parser.error("unbalanced }");
    }
    return new Template(source, List.copyOf(parts));
  }

  /** The message as written. */
  public String source() {
    return source;
  }

  /** The names of every value and plural, in the order they first appear. */
  public Set<String> placeholders() {
    Set<String> names = new LinkedHashSet<>();
    collect(parts, names, part -> {});
    return names;
  }

  /** For each plural, by name: the selectors it spells out ({@code one}, {@code =0}, …). */
  public Map<String, Set<String>> plurals() {
    Map<String, Set<String>> plurals = new LinkedHashMap<>();
    collect(
        parts,
        new LinkedHashSet<>(),
        part ->
            plurals
                .computeIfAbsent(part.name(), n -> new LinkedHashSet<>())
                .addAll(part.branches().keySet()));
    return plurals;
  }

  /** The literal text of the message, without its values (what a translator wrote). */
  public List<String> literals() {
    List<String> literals = new ArrayList<>();
    literals(parts, literals);
    return literals;
  }

  private static void literals(List<Part> parts, List<String> out) {
    for (Part part : parts) {
      switch (part) {
        case Literal l -> out.add(l.text());
        case Plural p -> p.branches().values().forEach(branch -> literals(branch, out));
        case Value v -> {}
        case Count c -> {}
      }
    }
  }

  private static void collect(List<Part> parts, Set<String> names, Consumer<Plural> plural) {
    for (Part part : parts) {
      switch (part) {
        case Value v -> names.add(v.name());
        case Plural p -> {
          names.add(p.name());
          plural.accept(p);
          p.branches().values().forEach(branch -> collect(branch, names, plural));
        }
        case Literal l -> {}
        case Count c -> {}
      }
    }
  }

  /**
   * The message with its values.
   *
   * @throws IllegalArgumentException when a value it names is not given, or a plural's value is not
   *     a whole number
   */
  String format(Map<String, ?> values, Style style) {
    StringBuilder out = new StringBuilder(source.length() + 32);
    format(parts, values, style, out);
    return out.toString();
  }

  private void format(List<Part> parts, Map<String, ?> values, Style style, StringBuilder out) {
    for (Part part : parts) {
      switch (part) {
        case Literal l -> out.append(l.text());
        case Value v -> out.append(style.value(value(values, v.name())));
        case Count c -> out.append(style.value(number(values, c.name())));
        case Plural p -> {
          long n = number(values, p.name());
          List<Part> branch = p.branches().get("=" + n);
          if (branch == null) {
            branch = p.branches().get(style.category(n).keyword());
          }
          if (branch == null) {
            branch = p.branches().get("other");
          }
          format(branch, values, style, out);
        }
      }
    }
  }

  private Object value(Map<String, ?> values, String name) {
    Object value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("no value for {" + name + "} in: " + source);
    }
    return value;
  }

  private long number(Map<String, ?> values, String name) {
    if (value(values, name) instanceof Number n
        && !(n instanceof Double)
        && !(n instanceof Float)) {
      return n.longValue();
    }
    throw new IllegalArgumentException("{" + name + "} is not a whole number in: " + source);
  }

  @Override
  public String toString() {
    return source;
  }

  private static final class Parser {
    private final String text;
    private int pos;

    Parser(String text) {
      this.text = text;
    }

    /** Parts up to the end, or up to the '}' closing a branch of the plural {@code counted}. */
    List<Part> parts(String counted) {
      List<Part> parts = new ArrayList<>();
      StringBuilder literal = new StringBuilder();
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (c == '}') {
          break;
        }
        if (c == '#' && counted != null) {
          flush(literal, parts);
          parts.add(new Count(counted));
          pos++;
        } else if (c == '{') {
          flush(literal, parts);
          parts.add(placeholder());
        } else {
          literal.append(c);
          pos++;
        }
      }
      flush(literal, parts);
      return parts;
    }

    private static void flush(StringBuilder literal, List<Part> parts) {
      if (!literal.isEmpty()) {
        parts.add(new Literal(literal.toString()));
        literal.setLength(0);
      }
    }

    private Part placeholder() {
      pos++; // {
      String name = word(NAME, "a name");
      skipSpace();
      if (peek() == '}') {
        pos++;
        return new Value(name);
      }
      expect(',');
      skipSpace();
      if (!word(Pattern.compile("[a-z]+"), "plural").equals("plural")) {
        throw error("only plural is supported");
      }
      skipSpace();
      expect(',');
      Map<String, List<Part>> branches = new LinkedHashMap<>();
      while (true) {
        skipSpace();
        if (peek() == '}') {
          pos++;
          break;
        }
        String selector = word(SELECTOR, "a plural category");
        skipSpace();
        expect('{');
        List<Part> branch = parts(name);
        expect('}');
        if (branches.put(selector, List.copyOf(branch)) != null) {
          throw error("plural category " + selector + " twice");
        }
      }
      if (!branches.containsKey("other")) {
        throw error("a plural needs an 'other' branch");
      }
      return new Plural(name, Map.copyOf(branches));
    }

    private String word(Pattern pattern, String what) {
      int start = pos;
      while (pos < text.length()
          && (Character.isLetterOrDigit(text.charAt(pos))
              || text.charAt(pos) == '_'
              || text.charAt(pos) == '=')) {
        pos++;
      }
      String word = text.substring(start, pos);
      if (!pattern.matcher(word).matches()) {
        throw error("expected " + what + ", found '" + word + "'");
      }
      return word;
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

    private void expect(char c) {
      if (peek() != c) {
        throw error("expected " + c);
      }
      pos++;
    }

    private IllegalArgumentException error(String what) {
      return new IllegalArgumentException(what + " at " + pos + " in: " + text);
    }
  }
}
