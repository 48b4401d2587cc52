package dev.gmbot.testkit.fake;

import dev.gmbot.port.out.EffectOutbox;
import dev.gmbot.testkit.contract.EffectOutboxContract;

class FakeEffectOutboxContractTest extends EffectOutboxContract {
  @Override
  protected EffectOutbox newOutbox() {
    return new InMemoryEffectOutbox(clock);
  }
}
