package dev.gmbot.domain.protection;

import dev.gmbot.domain.scheduling.BotCall;
import dev.gmbot.domain.scheduling.BotCallScheduler;
import dev.gmbot.domain.scheduling.Priority;
import dev.gmbot.port.model.BotProfile;
import dev.gmbot.port.out.BotIdentity;
import dev.gmbot.port.out.BotMethod;
import jakarta.inject.Inject;
import java.util.Objects;

/**
 * The bot's own profile, asked once (getMe) and then remembered: it never changes while running.
 */
public final class BotSelf {
  private final BotIdentity identity;
  private final BotCallScheduler scheduler;
  private volatile BotProfile profile;

  @Inject
  public BotSelf(BotIdentity identity, BotCallScheduler scheduler) {
    this.identity = Objects.requireNonNull(identity, "identity");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
  }

  public BotProfile profile() {
    BotProfile known = profile;
    if (known == null) {
      known =
          scheduler.submit(
              BotCall.withoutChat(BotMethod.GET_ME, Priority.P1_ENFORCEMENT), () -> identity.me());
      profile = known;
    }
    return known;
  }
}
