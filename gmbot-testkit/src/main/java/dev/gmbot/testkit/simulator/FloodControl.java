package dev.gmbot.testkit.simulator;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Sliding-window / token-bucket flood control keyed by chat and bot. Guarded by the world lock. */
final class FloodControl {
  private volatile FloodRules rules;
  private final Map<Long, ArrayDeque<Long>> groupWindows = new HashMap<>();
  private final Map<Long, double[]> privateBuckets = new HashMap<>();
  private final ArrayDeque<Long> botWindow = new ArrayDeque<>();
  private final Map<String, Long> blockedUntil = new HashMap<>();

  FloodControl(FloodRules rules) {
    this.rules = rules;
  }

  FloodRules rules() {
    return rules;
  }

  void setRules(FloodRules rules) {
    this.rules = rules;
    reset();
  }

  void reset() {
    groupWindows.clear();
    privateBuckets.clear();
    botWindow.clear();
    blockedUntil.clear();
  }

  static boolean isMessageMethod(String method) {
    String m = method.toLowerCase(Locale.ROOT);
    return m.startsWith("send")
        || m.startsWith("edit")
        || m.startsWith("copy")
        || m.startsWith("forward");
  }

  /** Admits one message into {@code chatId} at {@code nowMillis} or throws the 429. */
  void admit(long chatId, long nowMillis) {
    FloodRules r = rules;
    if (!r.enabled()) {
      return;
    }
    String chatKey = "chat:" + chatId;
    checkBlocked(chatKey, nowMillis, r);
    checkBlocked("bot", nowMillis, r);
    // bot-wide window
    while (!botWindow.isEmpty() && botWindow.peekFirst() <= nowMillis - 1000) {
      botWindow.pollFirst();
    }
    if (botWindow.size() >= r.botPerSecond()) {
      throw block("bot", nowMillis, botWindow.peekFirst() + 1000 - nowMillis);
    }
    if (chatId < 0) {
      ArrayDeque<Long> w = groupWindows.computeIfAbsent(chatId, k -> new ArrayDeque<>());
      while (!w.isEmpty() && w.peekFirst() <= nowMillis - 60_000) {
        w.pollFirst();
      }
      if (w.size() >= r.groupPerMinute()) {
        throw block(chatKey, nowMillis, w.peekFirst() + 60_000 - nowMillis);
      }
      w.addLast(nowMillis);
    } else {
      double[] bucket =
          privateBuckets.computeIfAbsent(
              chatId, k -> new double[] {r.privateChatBurst(), nowMillis});
      double refill = (nowMillis - bucket[1]) / 1000.0 * r.privateChatPerSecond();
      bucket[0] = Math.min(r.privateChatBurst(), bucket[0] + refill);
      bucket[1] = nowMillis;
      if (bucket[0] < 1) {
        long wait = (long) Math.ceil((1 - bucket[0]) / r.privateChatPerSecond() * 1000);
        throw block(chatKey, nowMillis, wait);
      }
      bucket[0] -= 1;
    }
    botWindow.addLast(nowMillis);
  }

  private void checkBlocked(String key, long nowMillis, FloodRules r) {
    Long until = blockedUntil.get(key);
    if (until == null || until <= nowMillis) {
      return;
    }
    if (r.punishEarlyRetries()) {
      until += r.earlyRetryPenalty().toMillis();
      blockedUntil.put(key, until);
    }
    throw ApiException.tooManyRequests(seconds(until - nowMillis));
  }

  private ApiException block(String key, long nowMillis, long waitMillis) {
    long seconds = seconds(waitMillis);
    blockedUntil.put(key, nowMillis + seconds * 1000);
    return ApiException.tooManyRequests(seconds);
  }

  private static long seconds(long millis) {
    return Math.max(1, (millis + 999) / 1000);
  }
}
