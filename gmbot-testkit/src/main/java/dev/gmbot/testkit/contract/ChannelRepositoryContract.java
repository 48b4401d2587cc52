package dev.gmbot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.out.ChannelRepository;
import dev.gmbot.port.out.StorageUnavailableException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link dev.gmbot.port.out.ChannelRepository} must have. */
public abstract class ChannelRepositoryContract extends RepositoryContractSupport {

  @Test
  void unknownChannelIsNotFound() {
    assertThat(store.channels().find(channelId(1))).isEmpty();
  }

  @Test
  void savedChannelIsFound() {
    store.channels().save(channel(1));

    assertThat(store.channels().find(channelId(1))).contains(channel(1));
    assertThat(store.channels().find(channelId(2))).isEmpty();
  }

  @Test
  void saveReplacesTitleUsernameAndInviteLink() {
    store.channels().save(channel(1));
    EnforcedChannel replaced =
        new EnforcedChannel(channelId(1), "New title", Optional.empty(), Optional.empty());

    store.channels().save(replaced);

    assertThat(store.channels().find(channelId(1))).contains(replaced);
  }

  @Test
  void aStoreThatIsDownFailsWithStorageUnavailable() {
    ChannelRepository down = newUnavailableStore().channels();

    assertThatThrownBy(() -> down.find(channelId(1)))
        .isInstanceOf(StorageUnavailableException.class);
    assertThatThrownBy(() -> down.save(channel(1))).isInstanceOf(StorageUnavailableException.class);
  }
}
