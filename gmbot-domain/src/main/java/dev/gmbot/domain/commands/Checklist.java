package dev.gmbot.domain.commands;

import java.util.ArrayList;
import java.util.List;

/**
 * The ✅ and ❌ lines of a permission check (the /protect wizard, /reactivate), in the order they
 * were checked; it has passed while no line failed.
 */
final class Checklist {
  private final List<String> lines = new ArrayList<>();
  private boolean passed = true;

  /** Records a check that holds; returns true. */
  boolean pass(String line) {
    lines.add(line);
    return true;
  }

  /** Records a check that fails; returns false. */
  boolean fail(String line) {
    lines.add(line);
    passed = false;
    return false;
  }

  boolean passed() {
    return passed;
  }

  List<String> lines() {
    return List.copyOf(lines);
  }
}
