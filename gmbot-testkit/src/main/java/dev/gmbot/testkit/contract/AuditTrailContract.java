package dev.gmbot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmbot.port.model.AuditEntry;
import dev.gmbot.port.model.AuditEntry.Action;
import dev.gmbot.port.model.AuditPage;
import dev.gmbot.port.out.AuditTrail;
import dev.gmbot.port.out.StorageUnavailableException;
import java.util.ArrayList;
import java.util.List;
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
  void pagesSplitTheGroupsEntriesNewestFirst() {
    List<AuditEntry> recorded = new ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      AuditEntry entry =
          new AuditEntry(at(i), group(1), Optional.of(user(i)), Action.RESTRICTED, "n" + i);
      store.audit().record(entry);
      recorded.add(0, entry);
    }
    store.audit().record(new AuditEntry(at(4), group(2), Optional.empty(), Action.PAUSED, ""));

    AuditPage first = store.audit().page(group(1), 0, 3);
    AuditPage second = store.audit().page(group(1), 1, 3);
    AuditPage last = store.audit().page(group(1), 2, 3);
    AuditPage beyond = store.audit().page(group(1), 3, 3);

    assertThat(first.entries()).containsExactlyElementsOf(recorded.subList(0, 3));
    assertThat(second.entries()).containsExactlyElementsOf(recorded.subList(3, 6));
    assertThat(last.entries()).containsExactlyElementsOf(recorded.subList(6, 7));
    assertThat(beyond.entries()).isEmpty();
    assertThat(List.of(first.total(), second.total(), last.total(), beyond.total()))
        .containsOnly(7L);
    assertThat(first.pageCount()).isEqualTo(3);
    assertThat(first.hasNewer()).isFalse();
    assertThat(first.hasOlder()).isTrue();
    assertThat(last.hasOlder()).isFalse();
    assertThat(last.hasNewer()).isTrue();
    assertThat(store.audit().page(group(2), 0, 3).entries()).hasSize(1);
    assertThat(store.audit().page(group(3), 0, 3)).isEqualTo(new AuditPage(List.of(), 0, 3, 0));
  }

  @Test
  void entriesOfTheSameInstantArePagedNewestRecordedFirst() {
    AuditEntry a = new AuditEntry(at(5), group(1), Optional.of(user(1)), Action.PROMPTED, "a");
    AuditEntry b = new AuditEntry(at(5), group(1), Optional.of(user(2)), Action.PROMPTED, "b");
    AuditEntry c = new AuditEntry(at(5), group(1), Optional.of(user(3)), Action.PROMPTED, "c");
    store.audit().record(a);
    store.audit().record(b);
    store.audit().record(c);

    assertThat(store.audit().page(group(1), 0, 2).entries()).containsExactly(c, b);
    assertThat(store.audit().page(group(1), 1, 2).entries()).containsExactly(a);
  }

  @Test
  void aPageNeedsAValidNumberAndSize() {
    assertThatThrownBy(() -> store.audit().page(group(1), -1, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.audit().page(group(1), 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void purgeDeletesEveryGroupsEntriesBeforeTheCutoffOnly() {
    AuditEntry old1 = new AuditEntry(at(1), group(1), Optional.empty(), Action.PAUSED, "");
    AuditEntry old2 = new AuditEntry(at(2), group(2), Optional.empty(), Action.RESUMED, "");
    AuditEntry atCutoff = new AuditEntry(at(3), group(1), Optional.empty(), Action.MIGRATED, "");
    AuditEntry fresh = new AuditEntry(at(4), group(2), Optional.of(user(1)), Action.PROTECTED, "");
    store.audit().record(old1);
    store.audit().record(old2);
    store.audit().record(atCutoff);
    store.audit().record(fresh);

    assertThat(store.audit().purgeBefore(at(3))).isEqualTo(2);
    assertThat(store.audit().recent(group(1), 10)).containsExactly(atCutoff);
    assertThat(store.audit().recent(group(2), 10)).containsExactly(fresh);
    assertThat(store.audit().purgeBefore(at(3))).isZero();
  }

  @Test
  void aStoreThatIsDownFailsWithStorageUnavailable() {
    AuditTrail down = newUnavailableStore().audit();

    assertThatThrownBy(
            () -> down.record(new AuditEntry(at(1), group(1), Optional.empty(), Action.PAUSED, "")))
        .isInstanceOf(StorageUnavailableException.class);
    assertThatThrownBy(() -> down.recent(group(1), 5))
        .isInstanceOf(StorageUnavailableException.class);
    assertThatThrownBy(() -> down.page(group(1), 0, 5))
        .isInstanceOf(StorageUnavailableException.class);
    assertThatThrownBy(() -> down.purgeBefore(at(1)))
        .isInstanceOf(StorageUnavailableException.class);
  }
}
