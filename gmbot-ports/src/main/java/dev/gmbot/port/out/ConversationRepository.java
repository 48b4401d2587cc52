package dev.gmbot.port.out;

import dev.gmbot.port.model.Conversation;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the private settings menu keeps about a person between two updates, so that it survives a
 * restart and is the same on every instance: the {@link Conversation} waiting for a text (one per
 * person, with an expiry), and the groups the person opened the menu from (so that the menu lists
 * them again; whether they still administer them is checked on every use). Failures of the store
 * are {@link StorageUnavailableException}.
 */
public interface ConversationRepository {
  /** Starts or replaces the person's conversation. */
  void save(Conversation conversation);

  /** The person's conversation, unless there is none or it has expired at {@code now}. */
  Optional<Conversation> find(UserId user, Instant now);

  /** Ends the person's conversation (nothing happens when there is none). */
  void end(UserId user);

  /**
   * Deletes the conversations expired at {@code now}.
   *
   * @return how many were deleted
   */
  int purgeExpired(Instant now);

  /** Remembers that the person opened the menu of the group (again) at {@code at}. */
  void rememberGroup(UserId user, GroupId group, Instant at);

  /** The groups the person opened the menu from, most recently opened first. */
  List<GroupId> rememberedGroups(UserId user);

  /** Forgets one of them (the group is gone, or the person no longer administers it). */
  void forgetGroup(UserId user, GroupId group);
}
