package dev.gmbot.domain.scheduling;

import dev.gmbot.port.out.Rate;
import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of {@link PriorityBotCallScheduler}. {@link #defaults()} keeps within Telegram's
 * documented limits (ADRs 0010 and 0012): messages at most 25/s overall, 20/min per group, 1/s per
 * private chat; background (P2) at most 5/s; 64 calls in flight. Build variations with {@link
 * #builder()}.
 *
 * @param globalMessages meter for every message call of the bot
 * @param groupMessages meter for message calls to one group, supergroup or channel
 * @param privateMessages meter for message calls to one private chat
 * @param background meter for every P2 call (message or control)
 * @param maxInFlight calls running at once (the pool size); control calls are bounded only by this
 * @param reservedForInteractive slots of {@code maxInFlight} that only P0 may use
 * @param maxBackgroundInFlight P2 calls running at once
 * @param maxQueued calls waiting at once over all priorities; beyond it P2, then P1 is shed
 * @param maxQueuedBackground P2 calls waiting at once
 * @param maxFloodRetries retries after a 429 before the caller gets the {@code FloodWaitException}
 * @param maxTransientRetries retries after a timeout or 5xx before the caller gets the {@code
 *     TransientBotApiException}
 * @param transientBackoff first backoff after a transient failure, doubled per retry
 * @param maxTransientBackoff cap of that backoff
 * @param floodJitterMin least time added to a {@code retry_after}
 * @param floodJitterMax most time added to a {@code retry_after} (exclusive)
 * @param globalEscalationChats distinct chats that must see a 429 within {@code
 *     globalEscalationWindow} before a message 429 pauses the whole bot (ADR 0011)
 * @param globalEscalationWindow see {@code globalEscalationChats}
 */
public record SchedulerConfig(
    Rate globalMessages,
    Rate groupMessages,
    Rate privateMessages,
    Rate background,
    int maxInFlight,
    int reservedForInteractive,
    int maxBackgroundInFlight,
    int maxQueued,
    int maxQueuedBackground,
    int maxFloodRetries,
    int maxTransientRetries,
    Duration transientBackoff,
    Duration maxTransientBackoff,
    Duration floodJitterMin,
    Duration floodJitterMax,
    int globalEscalationChats,
    Duration globalEscalationWindow) {

  public SchedulerConfig {
    Objects.requireNonNull(globalMessages, "globalMessages");
    Objects.requireNonNull(groupMessages, "groupMessages");
    Objects.requireNonNull(privateMessages, "privateMessages");
    Objects.requireNonNull(background, "background");
    requirePositive(maxInFlight, "maxInFlight");
    if (reservedForInteractive < 0 || reservedForInteractive >= maxInFlight) {
      throw new IllegalArgumentException("reservedForInteractive is in [0, maxInFlight)");
    }
    requirePositive(maxBackgroundInFlight, "maxBackgroundInFlight");
    requirePositive(maxQueued, "maxQueued");
    requirePositive(maxQueuedBackground, "maxQueuedBackground");
    if (maxFloodRetries < 0 || maxTransientRetries < 0) {
      throw new IllegalArgumentException("retry counts are not negative");
    }
    requireNotNegative(transientBackoff, "transientBackoff");
    requireNotNegative(maxTransientBackoff, "maxTransientBackoff");
    requireNotNegative(floodJitterMin, "floodJitterMin");
    requireNotNegative(floodJitterMax, "floodJitterMax");
    if (floodJitterMax.compareTo(floodJitterMin) < 0) {
      throw new IllegalArgumentException("floodJitterMax is at least floodJitterMin");
    }
    requirePositive(globalEscalationChats, "globalEscalationChats");
    requireNotNegative(globalEscalationWindow, "globalEscalationWindow");
  }

  /**
   * A GCRA rate that never grants more than {@code maxPerWindow} in any window of length {@code
   * window}, yet allows {@code burst} at once: GCRA with burst b lets {@code permits + b - 1}
   * through a window, so the steady rate is {@code maxPerWindow - burst + 1} per window (ADR 0012).
   */
  public static Rate windowSafe(int maxPerWindow, Duration window, int burst) {
    if (burst < 1 || burst > maxPerWindow) {
      throw new IllegalArgumentException("burst is between 1 and " + maxPerWindow);
    }
    return new Rate(maxPerWindow - burst + 1, window, burst);
  }

  public static SchedulerConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.globalMessages = globalMessages;
    b.groupMessages = groupMessages;
    b.privateMessages = privateMessages;
    b.background = background;
    b.maxInFlight = maxInFlight;
    b.reservedForInteractive = reservedForInteractive;
    b.maxBackgroundInFlight = maxBackgroundInFlight;
    b.maxQueued = maxQueued;
    b.maxQueuedBackground = maxQueuedBackground;
    b.maxFloodRetries = maxFloodRetries;
    b.maxTransientRetries = maxTransientRetries;
    b.transientBackoff = transientBackoff;
    b.maxTransientBackoff = maxTransientBackoff;
    b.floodJitterMin = floodJitterMin;
    b.floodJitterMax = floodJitterMax;
    b.globalEscalationChats = globalEscalationChats;
    b.globalEscalationWindow = globalEscalationWindow;
    return b;
  }

  private static void requirePositive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " is at least 1, got " + value);
    }
  }

  private static void requireNotNegative(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " is not negative");
    }
  }

  /** Mutable builder starting from the defaults. */
  public static final class Builder {
    private Rate globalMessages = windowSafe(25, Duration.ofSeconds(1), 1);
    private Rate groupMessages = windowSafe(20, Duration.ofMinutes(1), 3);
    private Rate privateMessages = windowSafe(1, Duration.ofSeconds(1), 1);
    private Rate background = Rate.perSecond(5);
    private int maxInFlight = 64;
    private int reservedForInteractive = 8;
    private int maxBackgroundInFlight = 8;
    private int maxQueued = 10_000;
    private int maxQueuedBackground = 2_000;
    private int maxFloodRetries = 3;
    private int maxTransientRetries = 2;
    private Duration transientBackoff = Duration.ofMillis(500);
    private Duration maxTransientBackoff = Duration.ofSeconds(5);
    private Duration floodJitterMin = Duration.ofMillis(100);
    private Duration floodJitterMax = Duration.ofMillis(350);
    private int globalEscalationChats = 3;
    private Duration globalEscalationWindow = Duration.ofSeconds(1);

    private Builder() {}

    public Builder globalMessages(Rate rate) {
      this.globalMessages = rate;
      return this;
    }

    public Builder groupMessages(Rate rate) {
      this.groupMessages = rate;
      return this;
    }

    public Builder privateMessages(Rate rate) {
      this.privateMessages = rate;
      return this;
    }

    public Builder background(Rate rate) {
      this.background = rate;
      return this;
    }

    public Builder maxInFlight(int value) {
      this.maxInFlight = value;
      return this;
    }

    public Builder reservedForInteractive(int value) {
      this.reservedForInteractive = value;
      return this;
    }

    public Builder maxBackgroundInFlight(int value) {
      this.maxBackgroundInFlight = value;
      return this;
    }

    public Builder maxQueued(int value) {
      this.maxQueued = value;
      return this;
    }

    public Builder maxQueuedBackground(int value) {
      this.maxQueuedBackground = value;
      return this;
    }

    public Builder maxFloodRetries(int value) {
      this.maxFloodRetries = value;
      return this;
    }

    public Builder maxTransientRetries(int value) {
      this.maxTransientRetries = value;
      return this;
    }

    public Builder transientBackoff(Duration first, Duration max) {
      this.transientBackoff = first;
      this.maxTransientBackoff = max;
      return this;
    }

    public Builder floodJitter(Duration min, Duration max) {
      this.floodJitterMin = min;
      this.floodJitterMax = max;
      return this;
    }

    public Builder globalEscalation(int distinctChats, Duration window) {
      this.globalEscalationChats = distinctChats;
      this.globalEscalationWindow = window;
      return this;
    }

    public SchedulerConfig build() {
      return new SchedulerConfig(
          globalMessages,
          groupMessages,
          privateMessages,
          background,
          maxInFlight,
          reservedForInteractive,
          maxBackgroundInFlight,
          maxQueued,
          maxQueuedBackground,
          maxFloodRetries,
          maxTransientRetries,
          transientBackoff,
          maxTransientBackoff,
          floodJitterMin,
          floodJitterMax,
          globalEscalationChats,
          globalEscalationWindow);
    }
  }
}
