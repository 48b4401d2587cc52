package dev.gmbot.testkit.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Every Bot API request the simulator answered, in arrival order, with assertion helpers. */
public final class CallLog {
  /** The log keeps the newest calls only, so long benchmark runs do not grow without bound. */
  public static final int CAPACITY = 200_000;

  private final ArrayDeque<ApiCall> calls = new ArrayDeque<>();

  CallLog() {}

  synchronized void add(ApiCall call) {
    if (calls.size() >= CAPACITY) {
      calls.pollFirst();
    }
    calls.addLast(call);
  }

  /** Forgets all calls. */
  public synchronized void clear() {
    calls.clear();
  }

  /** A snapshot of all calls. */
  public synchronized List<ApiCall> all() {
    return List.copyOf(calls);
  }

  /** Calls matching a predicate. */
  public List<ApiCall> where(Predicate<ApiCall> filter) {
    return all().stream().filter(filter).toList();
  }

  /** Calls of one method (case-insensitive, as the Bot API). */
  public List<ApiCall> of(String method) {
    return where(c -> c.method().equalsIgnoreCase(method));
  }

  /** Calls of one method with this user_id. */
  public List<ApiCall> of(String method, long userId) {
    return where(c -> c.method().equalsIgnoreCase(method) && c.userId().orElse(0L) == userId);
  }

  /** Calls of one method in this chat. */
  public List<ApiCall> inChat(String method, long chatId) {
    return where(c -> c.method().equalsIgnoreCase(method) && c.chatId().orElse(0L) == chatId);
  }

  public int count(String method) {
    return of(method).size();
  }

  /** Asserts exactly one call of {@code method} for {@code userId} and returns it. */
  public ApiCall assertExactlyOne(String method, long userId) {
    List<ApiCall> found = of(method, userId);
    if (found.size() != 1) {
      throw new AssertionError(
          "expected exactly one "
              + method
              + " for user "
              + userId
              + " but got "
              + found.size()
              + describe(found));
    }
    return found.get(0);
  }

  /** Asserts exactly {@code n} calls of {@code method}. */
  public List<ApiCall> assertCount(String method, int n) {
    List<ApiCall> found = of(method);
    if (found.size() != n) {
      throw new AssertionError(
          "expected " + n + " " + method + " calls but got " + found.size() + describe(found));
    }
    return found;
  }

  /** Asserts no call of {@code method} at all. */
  public void assertNone(String method) {
    assertCount(method, 0);
  }

  /** Asserts that no call of any method matching {@code filter} arrived in [from, to). */
  public void assertNoCallBetween(Instant from, Instant to, Predicate<ApiCall> filter) {
    List<ApiCall> found =
        where(c -> filter.test(c) && !c.time().isBefore(from) && c.time().isBefore(to));
    if (!found.isEmpty()) {
      throw new AssertionError("expected no call between " + from + " and " + to + describe(found));
    }
  }

  /**
   * Asserts that after each 429 answer no further message call reached the same chat before its
   * retry_after elapsed (i.e. the client honoured Retry-After).
   */
  public void assertRetryAfterHonoured() {
    List<ApiCall> snapshot = all();
    for (int i = 0; i < snapshot.size(); i++) {
      ApiCall c = snapshot.get(i);
      if (c.httpStatus() != 429) {
        continue;
      }
      long retry = Long.parseLong(c.description().replaceAll("\\D+", ""));
      Instant until = c.time().plus(Duration.ofSeconds(retry));
      for (int j = i + 1; j < snapshot.size(); j++) {
        ApiCall d = snapshot.get(j);
        if (d.time().isBefore(until)
            && d.chatId().equals(c.chatId())
            && FloodControl.isMessageMethod(d.method())) {
          throw new AssertionError("call inside the retry window of " + c + ": " + d);
        }
      }
    }
  }

  private static String describe(List<ApiCall> found) {
    if (found.isEmpty()) {
      return "";
    }
    return found.stream()
        .map(
            c ->
                String.format(
                    Locale.ROOT,
                    "%n  %s %s chat=%s user=%s -> %d %s",
                    c.time(),
                    c.method(),
                    c.chatId().map(String::valueOf).orElse("-"),
                    c.userId().map(String::valueOf).orElse("-"),
                    c.httpStatus(),
                    c.ok() ? "ok" : c.description()))
        .collect(Collectors.joining("", ":", ""));
  }

  @Override
  public String toString() {
    return "CallLog" + describe(all());
  }
}
