package dev.gmbot.port.out;

import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.MessageId;
import dev.gmbot.port.model.Prompt;
import dev.gmbot.port.model.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Prompts the bot has posted and not yet removed. */
public interface PromptRepository {
  /** Inserts or replaces the prompt identified by (group, message). */
  void save(Prompt prompt);

  Optional<Prompt> find(GroupId group, MessageId message);

  /** The group's newest prompt that has not expired at {@code now}: raids add users to it. */
  Optional<Prompt> newestOpen(GroupId group, Instant now);

  /** Prompts in the group that name the user. */
  List<Prompt> naming(GroupId group, UserId user);

  void delete(GroupId group, MessageId message);

  /** Prompts (of any group) expired at {@code now}, oldest first, at most {@code limit}. */
  List<Prompt> expired(Instant now, int limit);
}
