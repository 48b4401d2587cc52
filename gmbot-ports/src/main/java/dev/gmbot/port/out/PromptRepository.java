package dev.gmbot.port.out;

import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.MessageId;
import dev.gmbot.port.model.Prompt;
import dev.gmbot.port.model.UserId;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Prompts the bot has posted and not yet removed, and the one reservation per group that lets
 * instances sharing the store post at most one standing prompt (ADR 0062, ADR 0078): the caller
 * that wins {@link #reserve} posts, the others {@link #joinReservation join} it, and {@link
 * #posted} turns the reservation into the posted prompt with everyone who joined.
 */
public interface PromptRepository {
  /** Inserts or replaces the prompt identified by (group, message). */
  void save(Prompt prompt);

  Optional<Prompt> find(GroupId group, MessageId message);

  /** The group's newest prompt that has not expired at {@code now}: raids add users to it. */
  Optional<Prompt> newestOpen(GroupId group, Instant now);

  /**
   * The message of the group's newest prompt open at {@code now}, without reading who it names: a
   * raid asks this once per joiner.
   */
  default Optional<MessageId> newestOpenMessage(GroupId group, Instant now) {
    return newestOpen(group, now).map(Prompt::message);
  }

  /**
   * Adds the user to the prompt and sets its expiry to {@code expiresAt}, without rewriting who
   * else it names, so that a join costs the same whether the prompt names two users or two
   * thousand. False when the prompt is gone. Stores should do it in one step; this default reads
   * and saves.
   */
  default boolean addUser(GroupId group, MessageId message, UserId user, Instant expiresAt) {
    Optional<Prompt> found = find(group, message);
    if (found.isEmpty()) {
      return false;
    }
    Prompt p = found.get();
    Set<UserId> users = new HashSet<>(p.users());
    users.add(user);
    save(new Prompt(group, message, users, p.postedAt(), expiresAt));
    return true;
  }

  /** Prompts in the group that name the user. */
  List<Prompt> naming(GroupId group, UserId user);

  void delete(GroupId group, MessageId message);

  /** Prompts (of any group) expired at {@code now}, oldest first, at most {@code limit}. */
  List<Prompt> expired(Instant now, int limit);

  /**
   * Compare-and-set on the group's reservation: true when the caller now holds it (there was none,
   * or it expired at {@code now}); it then lasts until {@code until}, {@link #posted} or {@link
   * #release}. {@code now} identifies the holding.
   */
  boolean reserve(GroupId group, Instant now, Instant until);

  /**
   * Adds the user to the reservation someone else holds, so that the prompt they are posting names
   * them too. False when there is none at {@code now} (it was posted meanwhile, released or
   * expired): the caller looks for the open prompt again.
   */
  boolean joinReservation(GroupId group, UserId user, Instant now);

  /**
   * Saves the prompt posted under the reservation taken at {@code reservedAt} in {@code reservedIn}
   * (the prompt may live in another group after a migration) and ends the reservation. Returns the
   * prompt as stored: its users plus those who joined the reservation.
   */
  Prompt posted(GroupId reservedIn, Instant reservedAt, Prompt prompt);

  /**
   * Ends the reservation taken at {@code reservedAt} without a prompt (the message could not be
   * sent); users who joined it stay with it for the next holder.
   */
  void release(GroupId group, Instant reservedAt);
}
