package dev.gmbot.domain.i18n;

/**
 * Unicode bidirectional isolates (UAX #9). In a right-to-left message, a value written left to
 * right (an {@code @channel}, a number, a Latin name) is wrapped so that it neither reorders nor is
 * reordered by the text around it.
 */
public final class Bidi {
  /** FIRST STRONG ISOLATE: the direction of what follows is that of its first strong letter. */
  public static final char FSI = '\u2068';

  /** LEFT-TO-RIGHT ISOLATE: what follows reads left to right (commands, setting keys). */
  public static final char LRI = '\u2066';

  /** POP DIRECTIONAL ISOLATE: ends the isolate. */
  public static final char PDI = '\u2069';

  private Bidi() {}

  /** The value in an isolate of its own direction. */
  public static String isolate(String value) {
    return FSI + value + PDI;
  }
}
