package dev.gmbot.app.server.e2e;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One {@code /metrics} answer, parsed: every sample by name and labels. */
record Scrape(Map<String, Map<Map<String, String>, Double>> samples) {
  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+\\d+)?$");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  static Scrape parse(String text) {
    Map<String, Map<Map<String, String>, Double>> samples = new TreeMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher m = SAMPLE.matcher(line.strip());
      if (!m.matches()) {
        throw new IllegalArgumentException("not a sample line: " + line);
      }
      Map<String, String> labels = new LinkedHashMap<>();
      if (m.group(2) != null) {
        Matcher l = LABEL.matcher(m.group(2));
        while (l.find()) {
          labels.put(l.group(1), l.group(2));
        }
      }
      samples
          .computeIfAbsent(m.group(1), k -> new LinkedHashMap<>())
          .put(labels, value(m.group(3)));
    }
    return new Scrape(samples);
  }

  private static double value(String text) {
    return switch (text) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(text);
    };
  }

  /** The sum of a metric's samples whose labels match. */
  double sum(String name, Predicate<Map<String, String>> labels) {
    return samples.getOrDefault(name, Map.of()).entrySet().stream()
        .filter(e -> labels.test(e.getKey()))
        .mapToDouble(Map.Entry::getValue)
        .sum();
  }

  double sum(String name) {
    return sum(name, labels -> true);
  }

  /** The one sample with exactly these labels; fails when absent. */
  double value(String name, Map<String, String> labels) {
    Double v = samples.getOrDefault(name, Map.of()).get(labels);
    if (v == null) {
      throw new AssertionError(
          name + labels + " is not in the scrape; it has " + samples.get(name));
    }
    return v;
  }

  /**
   * Sums of one metric grouped by a function of the labels (e.g. method and outcome class); as
   * whole numbers, since the counters count requests.
   */
  Map<String, Long> countsBy(
      String name, java.util.function.Function<Map<String, String>, String> key) {
    Map<String, Long> counts = new TreeMap<>();
    samples
        .getOrDefault(name, Map.of())
        .forEach(
            (labels, v) -> {
              if (v > 0) {
                counts.merge(key.apply(labels), Math.round(v), Long::sum);
              }
            });
    return counts;
  }
}
