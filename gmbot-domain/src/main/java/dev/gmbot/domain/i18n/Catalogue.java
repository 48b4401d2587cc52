package dev.gmbot.domain.i18n;

import dev.gmbot.port.model.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The messages of one bundle in one language, read from {@code
 * dev/gmbot/domain/i18n/<bundle>_<language>.properties} (UTF-8; {@code commands_pt_BR.properties}),
 * each a {@link Template}. Values are written the language's way: numbers pick the plural branch by
 * its {@link PluralRules}, lists are joined with its separator, and in a right-to-left language
 * every value is isolated ({@link Bidi}) so that an {@code @channel} or a number keeps its place.
 *
 * <p>Catalogues are read once per process and shared (they are immutable). A key missing in a
 * language falls back to English; {@code CataloguesTest} makes sure none is missing.
 */
public final class Catalogue {
  /** Every bundle GMBot has; each exists in every {@link Language}. */
  public static final List<String> BUNDLES = List.of("commands", "protection", "stats");

  private static final String FOLDER = "/dev/gmbot/domain/i18n/";
  private static final Map<String, Catalogue> LOADED = new ConcurrentHashMap<>();

  private final String bundle;
  private final Language language;
  private final Map<String, Template> templates;
  private final Catalogue fallback;

  /**
   * A value that is already a piece of a message in this language (e.g. another message): it is put
   * in as it is, not isolated again.
   */
  public record Phrase(String text) {
    public Phrase {
      Objects.requireNonNull(text, "text");
    }
  }

  private Catalogue(
      String bundle, Language language, Map<String, Template> templates, Catalogue fallback) {
    this.bundle = bundle;
    this.language = language;
    this.templates = templates;
    this.fallback = fallback;
  }

  /**
   * The bundle in the language.
   *
   * @throws IllegalStateException when the bundle's file is missing or a message does not parse
   */
  public static Catalogue of(String bundle, Language language) {
    Objects.requireNonNull(bundle, "bundle");
    Objects.requireNonNull(language, "language");
    String key = bundle + "_" + language.tag();
    Catalogue found = LOADED.get(key);
    if (found == null) {
      Catalogue fallback = language == Language.ENGLISH ? null : of(bundle, Language.ENGLISH);
      found = LOADED.computeIfAbsent(key, k -> load(bundle, language, fallback));
    }
    return found;
  }

  /**
   * The resource a bundle is read from: {@code /dev/gmbot/domain/i18n/commands_pt_BR.properties}.
   */
  public static String resource(String bundle, Language language) {
    String[] tag = language.tag().split("-");
    String suffix = tag.length == 1 ? tag[0] : tag[0] + "_" + tag[1].toUpperCase(Locale.ROOT);
    return FOLDER + bundle + "_" + suffix + ".properties";
  }

  private static Catalogue load(String bundle, Language language, Catalogue fallback) {
    String resource = resource(bundle, language);
    Properties properties = new Properties();
    try (InputStream in = Catalogue.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no message catalogue " + resource);
      }
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        properties.load(reader);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
    Map<String, Template> templates = new HashMap<>();
    for (String key : properties.stringPropertyNames()) {
      try {
        templates.put(key, Template.parse(properties.getProperty(key)));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(resource + ": " + key + ": " + e.getMessage(), e);
      }
    }
    return new Catalogue(bundle, language, Map.copyOf(templates), fallback);
  }

  public String bundle() {
    return bundle;
  }

  public Language language() {
    return language;
  }

  /** The keys this language's file defines. */
  public Set<String> keys() {
    return templates.keySet();
  }

  /** The message under the key, in this language (or English when this language lacks it). */
  public Template template(String key) {
    Template template = templates.get(key);
    if (template != null) {
      return template;
    }
    if (fallback != null) {
      return fallback.template(key);
    }
    throw new IllegalArgumentException("no message " + key + " in " + bundle);
  }

  /**
   * The message under the key with its values, given as name, value pairs: {@code text("welcome",
   * "group", title, "count", 3)}. A value is a text, a whole number, a list of texts or a {@link
   * Phrase}.
   */
  public String text(String key, Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("values come in name, value pairs: " + key);
    }
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      values.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return template(key).format(values, style);
  }

  /** Texts joined as this language lists them ("a, b, c"), each isolated in a right-to-left one. */
  public String list(Collection<String> items) {
    return items.stream().map(this::value).collect(Collectors.joining(separator()));
  }

  /** A value as this language shows it inside its messages (isolated when right to left). */
  public String value(String value) {
    return language.rightToLeft() ? Bidi.isolate(value) : value;
  }

  private String separator() {
    return language.rightToLeft() ? "، " : ", ";
  }

  private final Template.Style style =
      new Template.Style() {
        @Override
        public PluralCategory category(long n) {
          return PluralRules.of(language, n);
        }

        @Override
        public String value(Object value) {
          return switch (value) {
            case Collection<?> items -> list(items.stream().map(String::valueOf).toList());
            case Phrase p -> p.text();
            case Number n -> Catalogue.this.value(Long.toString(n.longValue()));
            default -> Catalogue.this.value(value.toString());
          };
        }
      };

  @Override
  public String toString() {
    return bundle + "_" + language.tag();
  }
}
