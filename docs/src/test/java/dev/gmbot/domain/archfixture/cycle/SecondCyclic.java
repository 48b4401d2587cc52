package dev.gmbot.domain.archfixture.cycle;

import dev.gmbot.domain.archfixture.FirstCyclic;

/** A deliberate violation: the other half of a package cycle. */
public final class SecondCyclic {
  public FirstCyclic back() {
    return new FirstCyclic();
  }
}
