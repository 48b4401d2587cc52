package dev.gmbot.domain.commands;

import dev.gmbot.port.in.Sender;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.model.UserRef;
import dev.gmbot.port.out.ChatAccessException;
import dev.gmbot.port.out.GroupRepository;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a person may use the menu of a group now, asked afresh on every press and every typed
 * answer: the group is still protected (else the menu is stale), and they still administer it (the
 * {@link AdminAuthorization} of the admin commands, one fresh getChatMember).
 */
final class MenuAccess {
  /** The outcome. */
  sealed interface Outcome {
    /** May: the group as it is now. */
    record Granted(ProtectedGroup group) implements Outcome {}

    /** The group is unknown or no longer protected. */
    record Stale(Optional<String> title) implements Outcome {}

    /** The person no longer administers the group. */
    record NotAdmin(ProtectedGroup group) implements Outcome {}

    /** Telegram would not tell (the bot lost its place in the group). */
    record CannotCheck(ProtectedGroup group) implements Outcome {}
  }

  private final AdminAuthorization authorization;
  private final GroupRepository groups;

  MenuAccess(AdminAuthorization authorization, GroupRepository groups) {
    this.authorization = Objects.requireNonNull(authorization, "authorization");
    this.groups = Objects.requireNonNull(groups, "groups");
  }

  Outcome check(UserRef person, GroupId group) {
    Optional<ProtectedGroup> found = groups.find(group);
    if (found.isEmpty() || !found.get().enabled() || found.get().channels().isEmpty()) {
      return new Outcome.Stale(found.map(ProtectedGroup::title));
    }
    ProtectedGroup g = found.get();
    try {
      return authorization.authorize(new Sender.User(person), group).isPresent()
          ? new Outcome.Granted(g)
          : new Outcome.NotAdmin(g);
    } catch (ChatAccessException e) {
      return new Outcome.CannotCheck(g);
    }
  }
}
