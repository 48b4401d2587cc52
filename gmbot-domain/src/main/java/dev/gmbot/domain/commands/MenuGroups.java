package dev.gmbot.domain.commands;

import dev.gmbot.domain.protection.Decision;
import dev.gmbot.domain.protection.Decision.ForgetMenuGroup;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.model.UserRef;
import dev.gmbot.port.out.ConversationRepository;
import dev.gmbot.port.out.GroupRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The protected groups a person administers, as the menu lists them: the groups they own and those
 * they opened the menu from, each checked afresh with {@link MenuAccess} (at most {@link
 * MenuOptions#MAX_GROUPS_LISTED}). Remembered groups that are gone or no longer theirs are
 * forgotten.
 */
final class MenuGroups {
  /** The groups to list, by title, and what to forget. */
  record Listing(List<ProtectedGroup> groups, List<Decision> forget) {
    Listing {
      groups = List.copyOf(groups);
      forget = List.copyOf(forget);
    }
  }

  private final GroupRepository groups;
  private final ConversationRepository conversations;
  private final MenuAccess access;

  MenuGroups(GroupRepository groups, ConversationRepository conversations, MenuAccess access) {
    this.groups = Objects.requireNonNull(groups, "groups");
    this.conversations = Objects.requireNonNull(conversations, "conversations");
    this.access = Objects.requireNonNull(access, "access");
  }

  Listing of(UserRef person) {
    Set<GroupId> candidates = new LinkedHashSet<>();
    groups.ownedBy(person.id()).stream()
        .filter(ProtectedGroup::enabled)
        .map(ProtectedGroup::id)
        .forEach(candidates::add);
    List<GroupId> remembered = conversations.rememberedGroups(person.id());
    candidates.addAll(remembered);
    List<ProtectedGroup> administered = new ArrayList<>();
    List<Decision> forget = new ArrayList<>();
    for (GroupId group : candidates.stream().limit(MenuOptions.MAX_GROUPS_LISTED).toList()) {
      switch (access.check(person, group)) {
        case MenuAccess.Outcome.Granted g -> administered.add(g.group());
        case MenuAccess.Outcome.CannotCheck c -> {}
        case MenuAccess.Outcome.Stale s -> {
          if (remembered.contains(group)) {
            forget.add(new ForgetMenuGroup(person.id(), group));
          }
        }
        case MenuAccess.Outcome.NotAdmin n -> {
          if (remembered.contains(group)) {
            forget.add(new ForgetMenuGroup(person.id(), group));
          }
        }
      }
    }
    administered.sort(
        Comparator.comparing((ProtectedGroup g) -> g.title().toLowerCase(Locale.ROOT))
            .thenComparing(g -> g.id().value()));
    return new Listing(administered, forget);
  }
}
