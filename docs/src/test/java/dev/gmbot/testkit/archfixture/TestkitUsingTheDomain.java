package dev.gmbot.testkit.archfixture;

import dev.gmbot.domain.archfixture.DomainValue;

/** A deliberate violation: a testkit class that depends on the domain instead of the ports. */
public final class TestkitUsingTheDomain {
  public DomainValue value() {
    return new DomainValue(1);
  }
}
