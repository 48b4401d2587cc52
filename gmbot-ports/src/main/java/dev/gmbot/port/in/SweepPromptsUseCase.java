package dev.gmbot.port.in;

import java.util.List;

/**
 * Prompt hygiene on a timer: deletes expired prompts and brings merged prompts up to date. A
 * runtime calls it periodically (every 30 s is plenty); it returns what it did, as effect lines.
 */
public interface SweepPromptsUseCase {
  List<String> sweepPrompts();
}
