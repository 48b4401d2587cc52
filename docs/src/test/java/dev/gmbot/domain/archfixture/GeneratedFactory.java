package dev.gmbot.domain.archfixture;

import dagger.internal.DaggerGenerated;
import dagger.internal.Factory;

/**
 * What Dagger writes into an app's output for a domain type: a {@code *_Factory} in the domain's
 * package, annotated {@code @DaggerGenerated}. The domain and framework rules must let it pass.
 */
@DaggerGenerated
public final class GeneratedFactory implements Factory<DomainValue> {
  @Override
  public DomainValue get() {
    return new DomainValue(2);
  }
}
