package dev.gmbot.port.archfixture;

import java.time.Duration;
import java.util.List;

/** What the ports rule accepts: a value type built on the JDK alone. */
public record PortUsingOnlyTheJdk(List<String> names, Duration ttl) {
  public PortUsingOnlyTheJdk {
    names = List.copyOf(names);
  }
}
