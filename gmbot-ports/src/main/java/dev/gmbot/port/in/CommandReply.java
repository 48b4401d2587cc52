package dev.gmbot.port.in;

import java.util.List;

/**
 * What an admin use case answered (the same texts the bot posts in the chat) and the effect lines
 * of what it did.
 */
public record CommandReply(List<String> replies, List<String> effects) {
  public CommandReply {
    replies = List.copyOf(replies);
    effects = List.copyOf(effects);
  }
}
