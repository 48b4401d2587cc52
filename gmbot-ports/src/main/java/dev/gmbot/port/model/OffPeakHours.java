package dev.gmbot.port.model;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hours of a group's day in which members are verified in the background (ADR 0024): from
 * {@code startHour} (inclusive) to {@code endHour} (exclusive) in the group's time zone offset; a
 * window may wrap around midnight (22-04). Default: 02:00-06:00 UTC.
 */
public record OffPeakHours(int startHour, int endHour, ZoneOffset offset) {
  public static final OffPeakHours DEFAULT = new OffPeakHours(2, 6, ZoneOffset.UTC);

  private static final Pattern TEXT =
      Pattern.compile(
          "(\\d{1,2})(?::00)?\\s*-\\s*(\\d{1,2})(?::00)?(?:\\s+(?:UTC)?([+-]\\d{1,2}(?::\\d{2})?))?",
          Pattern.CASE_INSENSITIVE);

  public OffPeakHours {
    Objects.requireNonNull(offset, "offset");
    if (startHour < 0 || startHour > 23 || endHour < 0 || endHour > 24) {
      throw new IllegalArgumentException("hours are 0-23 (start) and 0-24 (end)");
    }
    if (startHour == endHour) {
      throw new IllegalArgumentException("an off-peak window needs at least one hour");
    }
  }

  /** Whether {@code at} falls within the window, in the group's offset. */
  public boolean contains(Instant at) {
    int hour = at.atOffset(offset).getHour();
    int end = endHour % 24;
    return startHour < end ? hour >= startHour && hour < end : hour >= startHour || hour < end;
  }

  /** The start of the window {@code at} falls in (only meaningful when {@link #contains}). */
  public Instant windowStart(Instant at) {
    var local = at.atOffset(offset);
    var start = local.withHour(startHour).withMinute(0).withSecond(0).withNano(0);
    if (start.isAfter(local)) {
      start = start.minusDays(1);
    }
    return start.toInstant();
  }

  /** Parses {@code "02-06"}, {@code "2:00-6:00"}, {@code "22-04 +03:00"} or {@code "1-5 UTC-5"}. */
  public static Optional<OffPeakHours> parse(String text) {
    Matcher m = TEXT.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      ZoneOffset offset = m.group(3) == null ? ZoneOffset.UTC : ZoneOffset.of(normal(m.group(3)));
      return Optional.of(
          new OffPeakHours(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), offset));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String normal(String offset) {
    String sign = offset.substring(0, 1);
    String rest = offset.substring(1);
    String[] parts = rest.split(":");
    String hours = parts[0].length() == 1 ? "0" + parts[0] : parts[0];
    return sign + hours + (parts.length > 1 ? ":" + parts[1] : ":00");
  }

  /** {@code 02:00-06:00 UTC+03:00}, as /status and /offpeak show it. */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%02d:00-%02d:00 UTC%s",
        startHour,
        endHour,
        offset.equals(ZoneOffset.UTC) ? "" : offset.getId());
  }
}
