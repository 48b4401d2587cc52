package dev.gmbot.domain.scheduling;

import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.GroupSettings;
import dev.gmbot.port.model.Owner;
import dev.gmbot.port.model.PauseReason;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.GroupRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records migrations; the scheduler needs nothing else from the repository. */
final class RecordingGroups implements GroupRepository {
  record Migration(GroupId from, GroupId to, Instant at) {}

  final List<Migration> migrations = new CopyOnWriteArrayList<>();

  @Override
  public void migrate(GroupId from, GroupId to, Instant now) {
    migrations.add(new Migration(from, to, now));
  }

  @Override
  public Optional<ProtectedGroup> find(GroupId group) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ProtectedGroup protect(
      GroupId group, String title, Owner owner, List<EnforcedChannel> channels, Instant now) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Optional<ProtectedGroup> unlink(GroupId group, Set<ChannelId> channels, Instant now) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Optional<ProtectedGroup> disable(GroupId group, Instant now) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void pause(GroupId group, PauseReason reason, Instant now) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void resume(GroupId group, Instant now) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void updateSettings(GroupId group, GroupSettings settings, Instant now) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<GroupId> linkedTo(ChannelId channel) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<ProtectedGroup> ownedBy(UserId owner) {
    throw new UnsupportedOperationException();
  }

  @Override
  public long countActive() {
    throw new UnsupportedOperationException();
  }
}
