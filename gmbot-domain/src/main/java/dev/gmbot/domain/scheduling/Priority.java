package dev.gmbot.domain.scheduling;

/** Scheduling priority of an outbound Bot API call (ADR 0010). */
public enum Priority {
  /** User interactions: callback answers, command replies. Never waits behind P1/P2. */
  P0_INTERACTIVE,
  /** Join/leave enforcement: restrict, lift, prompts. Target under 500 ms. */
  P1_ENFORCEMENT,
  /** Sweeps, broadcasts, cleanup: at most 5/s, shed first. */
  P2_BACKGROUND
}
