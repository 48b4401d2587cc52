package dev.gmbot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmbot.port.model.Owner;
import dev.gmbot.port.out.OwnerRepository;
import dev.gmbot.port.out.StorageUnavailableException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link dev.gmbot.port.out.OwnerRepository} must have. */
public abstract class OwnerRepositoryContract extends RepositoryContractSupport {

  @Test
  void unknownOwnerIsNotFound() {
    assertThat(store.owners().find(user(1))).isEmpty();
  }

  @Test
  void savedOwnerIsFound() {
    store.owners().save(owner(1));

    assertThat(store.owners().find(user(1))).contains(owner(1));
    assertThat(store.owners().find(user(2))).isEmpty();
  }

  @Test
  void saveReplacesUsernameAndReachability() {
    store.owners().save(owner(1));
    Owner reachable = new Owner(user(1), Optional.empty(), true);

    store.owners().save(reachable);
    Owner afterFirst = store.owners().find(user(1)).orElseThrow();
    Owner unreachable = new Owner(user(1), Optional.of("renamed"), false);
    store.owners().save(unreachable);

    assertThat(afterFirst).isEqualTo(reachable);
    assertThat(store.owners().find(user(1))).contains(unreachable);
  }

  @Test
  void aStoreThatIsDownFailsWithStorageUnavailable() {
    OwnerRepository down = newUnavailableStore().owners();

    assertThatThrownBy(() -> down.find(user(1))).isInstanceOf(StorageUnavailableException.class);
    assertThatThrownBy(() -> down.save(owner(1))).isInstanceOf(StorageUnavailableException.class);
  }
}
