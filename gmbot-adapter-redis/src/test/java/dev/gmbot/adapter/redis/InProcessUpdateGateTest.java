package dev.gmbot.adapter.redis;

import java.time.Duration;

class InProcessUpdateGateTest extends UpdateGateBehaviour {
  @Override
  SharedState open() {
    return SharedState.inProcess(clock, new RefusingRateLimitStore());
  }

  @Override
  void expire(Duration d) {
    clock.advance(d);
  }
}
