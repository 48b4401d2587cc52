package dev.gmbot.domain.archfixture;

import dev.gmbot.domain.archfixture.cycle.SecondCyclic;

/** A deliberate violation: half of a package cycle. */
public final class FirstCyclic {
  public SecondCyclic next() {
    return new SecondCyclic();
  }
}
