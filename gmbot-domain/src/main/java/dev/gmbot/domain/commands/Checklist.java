package dev.gmbot.domain.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The ✅ and ❌ lines of a permission check (the /protect wizard, /reactivate), in the order they
 * were checked, in one language; it has passed while no line failed.
 */
final class Checklist {
  private final CommandTexts texts;
  private final List<String> lines = new ArrayList<>();
  private boolean passed = true;

  /** A checklist written in the language of these texts. */
  Checklist(CommandTexts texts) {
    this.texts = Objects.requireNonNull(texts, "texts");
  }

  /** The texts its lines are written with. */
  CommandTexts texts() {
    return texts;
  }

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
