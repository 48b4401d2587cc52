package dev.gmbot.port.in;

import java.util.List;

/**
 * What handling an event did, as short human-readable lines ("restricted 42 in -100…"), for logs,
 * the sandbox transcript and tests. {@code duplicate} is true when the update was already handled.
 */
public record HandlingResult(boolean duplicate, List<String> effects) {
  public HandlingResult {
    effects = List.copyOf(effects);
  }

  public static HandlingResult duplicateUpdate() {
    return new HandlingResult(true, List.of());
  }

  public static HandlingResult of(List<String> effects) {
    return new HandlingResult(false, effects);
  }
}
