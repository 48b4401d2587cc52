package dev.gmbot.domain.protection;

import dev.gmbot.domain.protection.Decision.MigrateGroup;
import dev.gmbot.domain.protection.Decision.Note;
import dev.gmbot.domain.scheduling.GroupMigration;
import dev.gmbot.domain.verification.AdministratorDirectory;
import dev.gmbot.port.in.GroupMigrated;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.out.GroupRepository;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;

/**
 * A basic group became a supergroup: everything GMBot keeps about it moves to the new id. The guard
 * learns it from the service message ({@link GroupMigrated}) or from a call that Telegram answered
 * with the new id (a {@link GroupMigration} reported by the scheduler to the {@link
 * DecisionExecutor}); both end in the same {@link MigrateGroup} decision, which the executor
 * carries out and audits.
 */
public final class MigrationPolicy {
  private final GroupRepository groups;
  private final AdministratorDirectory admins;

  @Inject
  public MigrationPolicy(GroupRepository groups, AdministratorDirectory admins) {
    this.groups = Objects.requireNonNull(groups, "groups");
    this.admins = Objects.requireNonNull(admins, "admins");
  }

  /** The service message of the old group named the new id. */
  public List<Decision> onGroupMigrated(GroupMigrated e) {
    return migrated(e.from(), e.to());
  }

  /** A call to the old group was answered with the new id (and was sent there instead). */
  public List<Decision> onMigrationFound(GroupMigration m) {
    return migrated(m.from(), m.to());
  }

  private List<Decision> migrated(GroupId from, GroupId to) {
    admins.invalidate(from);
    if (groups.find(from).isEmpty()) {
      return List.of(new Note("group " + from + " became " + to + ": nothing kept to move"));
    }
    return List.of(new MigrateGroup(from, to));
  }
}
