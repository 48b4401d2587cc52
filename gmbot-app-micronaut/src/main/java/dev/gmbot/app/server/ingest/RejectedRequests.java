package dev.gmbot.app.server.ingest;

import dev.gmbot.adapter.telegram.webhook.UpdateOutcome;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rate-limited logging of rejected webhook requests (ADR 0079): anyone who reaches the port can
 * send requests with a wrong secret, a wrong method, an oversized or a malformed body, and one line
 * per request would let them write the log at the rate they send. The first rejection of each
 * reason in a window is logged in full by {@link OutcomeLog}; the others are only counted, and once
 * per window one WARN line ({@code webhook requests rejected}) gives the counts per reason.
 */
public final class RejectedRequests implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RejectedRequests.class);

  /** The summary period: one minute. */
  public static final Duration WINDOW = Duration.ofMinutes(1);

  /** The outcomes that reject a request before any update is read. */
  static final Set<UpdateOutcome.Kind> REASONS =
      Set.of(
          UpdateOutcome.Kind.UNAUTHORIZED,
          UpdateOutcome.Kind.WRONG_METHOD,
          UpdateOutcome.Kind.TOO_LARGE,
          UpdateOutcome.Kind.MALFORMED);

  private final Duration window;
  private final Map<UpdateOutcome.Kind, LongAdder> unlogged = new ConcurrentHashMap<>();
  private final Set<UpdateOutcome.Kind> loggedThisWindow = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService timer;

  /** Summaries once per {@code window}, written by a daemon thread. */
  public static RejectedRequests everyWindow(Duration window) {
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("gmbot-rejected-requests").unstarted(r));
    RejectedRequests requests = new RejectedRequests(window, timer);
    timer.scheduleAtFixedRate(
        () -> requests.flush().ifPresent(LOG::warn),
        window.toMillis(),
        window.toMillis(),
        TimeUnit.MILLISECONDS);
    return requests;
  }

  /** Summaries only when {@link #flush()} is called (tests). */
  RejectedRequests(Duration window) {
    this(window, null);
  }

  private RejectedRequests(Duration window, ScheduledExecutorService timer) {
    this.window = window;
    this.timer = timer;
  }

  /**
   * True when this rejection is to be logged in full (the first of its reason in the window);
   * otherwise it is counted for the summary.
   */
  boolean admit(UpdateOutcome.Kind reason) {
    if (loggedThisWindow.add(reason)) {
      return true;
    }
    unlogged.computeIfAbsent(reason, r -> new LongAdder()).increment();
    return false;
  }

  /**
   * Ends the window: the summary of the rejections not logged in full (empty when there were none),
   * e.g. {@code webhook requests rejected in the last 60 s and not logged one by one:
   * unauthorized=1590 malformed=2}.
   */
  Optional<String> flush() {
    loggedThisWindow.clear();
    Map<UpdateOutcome.Kind, Long> counts = new EnumMap<>(UpdateOutcome.Kind.class);
    unlogged.forEach(
        (reason, count) -> {
          long n = count.sumThenReset();
          if (n > 0) {
            counts.put(reason, n);
          }
        });
    if (counts.isEmpty()) {
      return Optional.empty();
    }
    StringJoiner line =
        new StringJoiner(
            " ",
            "webhook requests rejected in the last "
                + window.toSeconds()
                + " s and not logged one by one: ",
            "");
    counts.forEach((reason, n) -> line.add(reason.label() + "=" + n));
    return Optional.of(line.toString());
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
    flush().ifPresent(LOG::warn);
  }
}
