package dev.gmbot.domain.commands;

import dev.gmbot.domain.protection.Decision;
import dev.gmbot.domain.protection.Decision.Note;
import dev.gmbot.port.in.Sender;
import dev.gmbot.port.model.ChatType;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.out.GroupRepository;
import dev.gmbot.port.out.MemberRepository;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * /status: in a group, its channels, whether protection is active or paused (and why) and the
 * member counts, for anyone who asks; in private, the groups the sender owns.
 */
final class StatusCommand implements Command {
  private final GroupRepository groups;
  private final MemberRepository members;
  private final CommandTexts texts;

  StatusCommand(GroupRepository groups, MemberRepository members, CommandTexts texts) {
    this.groups = Objects.requireNonNull(groups, "groups");
    this.members = Objects.requireNonNull(members, "members");
    this.texts = Objects.requireNonNull(texts, "texts");
  }

  @Override
  public List<Decision> decide(CommandRequest request) {
    if (request.chat().type() == ChatType.PRIVATE) {
      return inPrivate(request);
    }
    if (!request.chat().type().isGroup()) {
      return List.of(new Note("ignored: /status outside a group"));
    }
    Optional<ProtectedGroup> g =
        groups.find(request.chat().groupId()).filter(ProtectedGroup::enabled);
    if (g.isEmpty()) {
      return request.reply(texts.notProtected());
    }
    return request.reply(
        texts.groupStatus(g.get().pause(), g.get().channels(), members.counts(g.get().id())));
  }

  private List<Decision> inPrivate(CommandRequest request) {
    if (!(request.sender() instanceof Sender.User u)) {
      return List.of(new Note("ignored"));
    }
    List<ProtectedGroup> mine =
        groups.ownedBy(u.user().id()).stream().filter(ProtectedGroup::enabled).toList();
    return request.reply(mine.isEmpty() ? texts.noOwnedGroups() : texts.ownedGroups(mine));
  }
}
