package dev.gmbot.port.out;

import dev.gmbot.port.model.BotProfile;

/** Who the bot is (getMe). Implementations may cache: it does not change while running. */
public interface BotIdentity {
  BotProfile me();
}
