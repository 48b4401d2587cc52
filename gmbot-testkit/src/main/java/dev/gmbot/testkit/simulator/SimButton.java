package dev.gmbot.testkit.simulator;

import java.util.Optional;

/** An inline keyboard button as the bot sent it. */
public record SimButton(String text, Optional<String> url, Optional<String> callbackData) {}
