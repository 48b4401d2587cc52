package dev.gmbot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmbot.port.model.AuditEntry;
import dev.gmbot.port.model.AuditEntry.Action;
import dev.gmbot.port.out.AuditTrail;
import dev.gmbot.port.out.StorageUnavailableException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link AuditTrail} must have (see the port's javadoc). */
public abstract class AuditTrailContract extends RepositoryContractSupport {

  @Test
  void recentReturnsTheGroupsNewestEntriesFirst() {
    AuditEntry first =
        new AuditEntry(at(1), group(1), Optional.of(user(5)), Action.RESTRICTED, "not subscribed");
    AuditEntry second = new AuditEntry(at(2), group(2), Optional.empty(), Action.PAUSED, "");
    AuditEntry third =
        new AuditEntry(at(3), group(1), Optional.of(user(5)), Action.RELEASED, "verified ✅");
    AuditEntry fourth = new AuditEntry(at(4), group(1), Optional.empty(), Action.MIGRATED, "x");
    store.audit().record(first);
    store.audit().record(second);
    store.audit().record(third);
    store.audit().record(fourth);

    assertThat(store.audit().recent(group(1), 10)).containsExactly(fourth, third, first);
    assertThat(store.audit().recent(group(1), 2)).containsExactly(fourth, third);
    assertThat(store.audit().recent(group(2), 10)).containsExactly(second);
    assertThat(store.audit().recent(group(3), 10)).isEmpty();
  }

  @Test
  void entriesAreKeptEvenWhenIdentical() {
    AuditEntry entry =
        new AuditEntry(at(1), group(1), Optional.of(user(5)), Action.PROMPTED, "prompt 7");
    store.audit().record(entry);
    store.audit().record(entry);

    assertThat(store.audit().recent(group(1), 10)).containsExactly(entry, entry);
  }

  @Test
  void aStoreThatIsDownFailsWithStorageUnavailable() {
    AuditTrail down = newUnavailableStore().audit();

    assertThatThrownBy(
            () -> down.record(new AuditEntry(at(1), group(1), Optional.empty(), Action.PAUSED, "")))
        .isInstanceOf(StorageUnavailableException.class);
    assertThatThrownBy(() -> down.recent(group(1), 5))
        .isInstanceOf(StorageUnavailableException.class);
  }
}
