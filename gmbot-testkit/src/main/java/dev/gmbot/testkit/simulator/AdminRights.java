package dev.gmbot.testkit.simulator;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A set of administrator rights. */
public record AdminRights(Set<AdminRight> rights) {
  public AdminRights {
    rights = rights.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(rights));
  }

  public static AdminRights of(AdminRight... rights) {
    EnumSet<AdminRight> set = EnumSet.noneOf(AdminRight.class);
    set.addAll(List.of(rights));
    set.add(AdminRight.MANAGE_CHAT);
    return new AdminRights(set);
  }

  /** Every right. */
  public static AdminRights all() {
    return new AdminRights(EnumSet.allOf(AdminRight.class));
  }

  /** What a group guard bot needs: restrict, invite, delete and pin. */
  public static AdminRights guard() {
    return of(
        AdminRight.RESTRICT_MEMBERS,
        AdminRight.INVITE_USERS,
        AdminRight.DELETE_MESSAGES,
        AdminRight.PIN_MESSAGES);
  }

  public boolean has(AdminRight right) {
    return rights.contains(right);
  }

  public AdminRights without(AdminRight right) {
    EnumSet<AdminRight> set = EnumSet.noneOf(AdminRight.class);
    set.addAll(rights);
    set.remove(right);
    return new AdminRights(set);
  }

  public AdminRights with(AdminRight right) {
    EnumSet<AdminRight> set = EnumSet.noneOf(AdminRight.class);
    set.addAll(rights);
    set.add(right);
    return new AdminRights(set);
  }
}
