package dev.gmbot.domain.protection;

import dev.gmbot.domain.protection.Decision.Note;
import dev.gmbot.domain.protection.Decision.NotifyOwner;
import dev.gmbot.domain.protection.Decision.PauseGroup;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.PauseReason;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.out.ChatAccessException.Problem;
import dev.gmbot.port.out.GroupRepository;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Telegram refused to mute or free a member because the bot cannot enforce in the group (removed,
 * not enough rights, a basic group): the group is paused, once, and its owner is told why. The
 * {@link DecisionExecutor} asks this policy when such a refusal comes back and carries out the
 * answer; it skips the rest of its list for that group on its own.
 */
public final class BrokenGroupPolicy {
  private final GroupRepository groups;

  @Inject
  public BrokenGroupPolicy(GroupRepository groups) {
    this.groups = Objects.requireNonNull(groups, "groups");
  }

  /**
   * What to do after Telegram refused an enforcement call in {@code group} with {@code problem}:
   * pause the group and tell its owner, unless it is unknown or already paused.
   */
  public List<Decision> onEnforcementRefused(GroupId group, Problem problem, String description) {
    Optional<ProtectedGroup> found = groups.find(group);
    if (found.isEmpty() || found.get().isPaused()) {
      return List.of(new Note("cannot enforce in " + group + ": " + problem));
    }
    ProtectedGroup g = found.get();
    Texts texts = Texts.in(g.settings().language());
    return switch (problem) {
      case BOT_NOT_MEMBER, BOT_KICKED, CHAT_NOT_FOUND ->
          pause(
              group,
              PauseReason.Kind.BOT_REMOVED_FROM_GROUP,
              problem + ": " + description,
              texts.removedFromGroup(g));
      case NOT_A_SUPERGROUP ->
          pause(
              group,
              PauseReason.Kind.BOT_LACKS_GROUP_RIGHTS,
              Texts.NOT_A_SUPERGROUP_DETAIL,
              texts.notASupergroup(g));
      default ->
          pause(
              group,
              PauseReason.Kind.BOT_LACKS_GROUP_RIGHTS,
              problem + ": " + description,
              texts.lostGroupRights(g, List.of(GroupRight.RESTRICT_MEMBERS)));
    };
  }

  private static List<Decision> pause(
      GroupId group, PauseReason.Kind kind, String detail, String notice) {
    return List.of(
        new PauseGroup(group, new PauseReason(kind, Optional.empty(), detail)),
        new NotifyOwner(group, notice));
  }
}
