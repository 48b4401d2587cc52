package dev.gmbot.testkit.archfixture;

import dev.gmbot.adapter.archtwo.SecondAdapter;

/** A deliberate violation: a testkit class that depends on an adapter. */
public final class TestkitUsingAnAdapter {
  public String name() {
    return new SecondAdapter().name();
  }
}
