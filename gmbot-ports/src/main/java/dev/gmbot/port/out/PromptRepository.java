package dev.gmbot.port.out;

import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.MessageId;
import dev.gmbot.port.model.Prompt;
import dev.gmbot.port.model.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
