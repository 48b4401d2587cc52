package dev.gmbot.adapter.archone;

import dev.gmbot.domain.scheduling.Priority;

/** A deliberate violation: an adapter that depends on the domain instead of the ports. */
public final class AdapterUsingTheDomain {
  public Priority priority() {
    return Priority.P0_INTERACTIVE;
  }
}
