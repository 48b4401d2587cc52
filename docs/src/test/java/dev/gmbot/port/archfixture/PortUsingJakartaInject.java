package dev.gmbot.port.archfixture;

import jakarta.inject.Inject;

/**
 * A deliberate violation: a port that uses {@code jakarta.inject}, which the domain may use but the
 * ports may not (they are JDK only).
 */
public final class PortUsingJakartaInject {
  @Inject
  public PortUsingJakartaInject() {}
}
