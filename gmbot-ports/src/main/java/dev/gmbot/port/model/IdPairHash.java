package dev.gmbot.port.model;

/**
 * The hash of a key made of two Telegram ids (a group and a user, a user and a channel), for the
 * adapters' in-process maps. Both ids are mixed over 64 bits. Telegram's ids come in dense runs (a
 * bot's groups, a wave of new accounts), and a record's own {@code 31 * a + b} maps such a grid
 * onto a few thousand distinct hashes: 100 groups of the same 2,000 users gave 200,000 keys about
 * 5,000 hashes, and a {@code ConcurrentHashMap}'s bins turned into trees searched on every message.
 */
public final class IdPairHash {
  private IdPairHash() {}

  /** A well-spread hash of the ordered pair ({@code first}, {@code second}). */
  public static int of(long first, long second) {
    long h = (first * 0x9E3779B97F4A7C15L + second) * 0xBF58476D1CE4E5B9L;
    return (int) (h ^ (h >>> 32));
  }
}
