package dev.gmbot.domain.commands;

import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.out.GroupRepository;
import java.util.Objects;

/**
 * The checks every admin command on a protected group starts with (/status in a group, /unprotect,
 * /settings, /reactivate, /stats): the chat is a group, the caller one of its admins, and it is
 * protected. Refusals are in the request's language.
 */
final class AdminAccess {
  /** The outcome: the group to act on, or the reply that refuses. */
  sealed interface Outcome {
    record Granted(ProtectedGroup group) implements Outcome {}

    record Refused(String reply) implements Outcome {}
  }

  private final AdminAuthorization authorization;
  private final GroupRepository groups;

  AdminAccess(AdminAuthorization authorization, GroupRepository groups) {
    this.authorization = Objects.requireNonNull(authorization, "authorization");
    this.groups = Objects.requireNonNull(groups, "groups");
  }

  Outcome check(CommandRequest request) {
    CommandTexts texts = request.texts();
    if (!request.chat().type().isGroup()) {
      return new Outcome.Refused(texts.inGroupOnly());
    }
    GroupId group = request.chat().groupId();
    if (authorization.authorize(request.sender(), group).isEmpty()) {
      return new Outcome.Refused(texts.adminsOnly());
    }
    return groups
        .find(group)
        .filter(ProtectedGroup::enabled)
        .<Outcome>map(Outcome.Granted::new)
        .orElse(new Outcome.Refused(texts.notProtected()));
  }
}
