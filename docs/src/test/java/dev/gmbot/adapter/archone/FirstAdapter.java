package dev.gmbot.adapter.archone;

import dev.gmbot.adapter.archtwo.SecondAdapter;

/** A deliberate violation: an adapter that calls another adapter. */
public final class FirstAdapter {
  public String name() {
    return new SecondAdapter().name();
  }
}
