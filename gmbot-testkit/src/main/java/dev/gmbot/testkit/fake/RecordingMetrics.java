package dev.gmbot.testkit.fake;

import dev.gmbot.port.out.GuardMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts what the domain reports, by name ({@code verification.VERIFIED}, {@code cacheHit}, …). */
public final class RecordingMetrics implements GuardMetrics {
  private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
  private volatile long activeGroups;
  private volatile long pendingJoinRequests;

  private void inc(String name) {
    counters.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
  }

  public long count(String name) {
    AtomicLong c = counters.get(name);
    return c == null ? 0 : c.get();
  }

  public Map<String, Long> snapshot() {
    Map<String, Long> copy = new TreeMap<>();
    counters.forEach((k, v) -> copy.put(k, v.get()));
    return copy;
  }

  public long activeGroups() {
    return activeGroups;
  }

  @Override
  public void verification(VerificationStatus status) {
    inc("verification." + status);
  }

  @Override
  public void verificationLatency(Duration latency) {
    inc("verificationLatency");
  }

  @Override
  public void cacheHit() {
    inc("cacheHit");
  }

  @Override
  public void cacheMiss() {
    inc("cacheMiss");
  }

  @Override
  public void apiCall(String method) {
    inc("apiCall." + method);
  }

  /** Counts {@code apiCall.<method>} and {@code apiCall.<method>.<outcome>}. */
  @Override
  public void apiCall(String method, String outcome, Duration latency) {
    inc("apiCall." + method);
    inc("apiCall." + method + "." + outcome);
  }

  @Override
  public void rateLimitDelay(String scope) {
    inc("rateLimitDelay");
  }

  @Override
  public void callShed(String priority, String reason) {
    inc("callShed." + priority);
  }

  @Override
  public void activeGroups(long count) {
    activeGroups = count;
  }

  /** The last count of held join requests reported (ADR 0023). */
  public long pendingJoinRequests() {
    return pendingJoinRequests;
  }

  @Override
  public void pendingJoinRequests(long count) {
    pendingJoinRequests = count;
  }

  @Override
  public void updateHandled(String type, Duration handlingTime) {
    inc("updateHandled." + type);
  }

  @Override
  public void fallback(String component) {
    inc("fallback." + component);
  }

  /** Counted as {@code outbox.<event>}. */
  @Override
  public void outbox(String event) {
    inc("outbox." + event);
  }

  private final java.util.List<dev.gmbot.port.model.MemberSweep> sweeps =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  @Override
  public void memberSweep(dev.gmbot.port.model.MemberSweep sweep, java.time.Instant now) {
    inc("member_sweep");
    sweeps.add(sweep);
  }

  /** Every member sweep progress reported, in order. */
  public java.util.List<dev.gmbot.port.model.MemberSweep> memberSweeps() {
    return java.util.List.copyOf(sweeps);
  }
}
