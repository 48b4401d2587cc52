package dev.gmbot.domain.scheduling;

import dev.gmbot.port.out.GuardMetrics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what the scheduler reports. */
final class CountingMetrics implements GuardMetrics {
  final List<String> shed = new CopyOnWriteArrayList<>();
  final List<String> delays = new CopyOnWriteArrayList<>();
  final List<String> apiCalls = new CopyOnWriteArrayList<>();
  final List<String> waits = new CopyOnWriteArrayList<>();
  final List<String> pauses = new CopyOnWriteArrayList<>();

  @Override
  public void callShed(String priority, String reason) {
    shed.add(priority + ":" + reason);
  }

  @Override
  public void rateLimitDelay(String scope) {
    delays.add(scope);
  }

  @Override
  public void apiCall(String method) {
    apiCalls.add(method);
  }

  @Override
  public void queueWait(String priority, Duration waited) {
    waits.add(priority);
  }

  @Override
  public void rateLimitPause(String scope, Duration retryAfter) {
    pauses.add(scope + ":" + retryAfter.toSeconds());
  }
}
