package dev.gmbot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.GroupSettings;
import dev.gmbot.port.model.Language;
import dev.gmbot.port.model.MessageId;
import dev.gmbot.port.model.Owner;
import dev.gmbot.port.model.PauseReason;
import dev.gmbot.port.model.Prompt;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.model.RestrictionState;
import dev.gmbot.port.out.GroupRepository;
import dev.gmbot.port.out.StorageUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link GroupRepository} must have (see the port's javadoc). */
public abstract class GroupRepositoryContract extends RepositoryContractSupport {

  private GroupRepository groups() {
    return store.groups();
  }

  private static List<ChannelId> ids(ProtectedGroup g) {
    return g.channels().stream().map(EnforcedChannel::id).toList();
  }

  @Test
  void unknownGroupIsNotFound() {
    assertThat(groups().find(group(1))).isEmpty();
  }

  @Test
  void protectCreatesAnEnabledGroupWithOwnerChannelsAndDefaultSettings() {
    ProtectedGroup created =
        groups().protect(group(1), "Group one", owner(10), List.of(channel(1), channel(2)), at(0));

    assertThat(created.id()).isEqualTo(group(1));
    assertThat(created.title()).isEqualTo("Group one");
    assertThat(created.owner()).isEqualTo(user(10));
    assertThat(created.enabled()).isTrue();
    assertThat(created.pause()).isEmpty();
    assertThat(created.settings()).isEqualTo(GroupSettings.DEFAULTS);
    assertThat(created.channels()).containsExactly(channel(1), channel(2));
    assertThat(created.updatedAt()).isEqualTo(at(0));
    assertThat(created.isActive()).isTrue();
    assertThat(groups().find(group(1))).contains(created);
    assertThat(store.owners().find(user(10))).contains(owner(10));
    assertThat(store.channels().find(channelId(2))).contains(channel(2));
  }

  @Test
  void protectKeepsLinkedChannelsAndSettingsAndClearsThePause() {
    groups().protect(group(1), "Old title", owner(10), List.of(channel(1)), at(0));
    GroupSettings custom =
        new GroupSettings(
            Optional.of("Join first"),
            "Verify",
            "Join",
            Duration.ofMinutes(3),
            false,
            Language.PORTUGUESE_BRAZIL);
    groups().updateSettings(group(1), custom, at(1));
    groups()
        .pause(
            group(1),
            new PauseReason(PauseReason.Kind.BOT_LACKS_GROUP_RIGHTS, Optional.empty(), "x"),
            at(2));

    ProtectedGroup again =
        groups().protect(group(1), "New title", owner(10), List.of(channel(2), channel(1)), at(3));

    assertThat(ids(again)).containsExactly(channelId(1), channelId(2));
    assertThat(again.settings()).isEqualTo(custom);
    assertThat(again.pause()).isEmpty();
    assertThat(again.enabled()).isTrue();
    assertThat(again.title()).isEqualTo("New title");
    assertThat(again.updatedAt()).isEqualTo(at(3));
    assertThat(groups().find(group(1))).contains(again);
  }

  @Test
  void protectUpdatesChannelDetailsAndKeepsAnOwnerReachable() {
    store.owners().save(new Owner(user(10), Optional.of("boss"), true));
    groups().protect(group(1), "G", owner(10), List.of(channel(1)), at(0));
    EnforcedChannel renamed =
        new EnforcedChannel(channelId(1), "Renamed", Optional.empty(), Optional.of("https://x"));

    ProtectedGroup g =
        groups()
            .protect(
                group(1),
                "G",
                new Owner(user(10), Optional.empty(), false),
                List.of(renamed),
                at(1));

    assertThat(g.channels()).containsExactly(renamed);
    assertThat(store.owners().find(user(10)))
        .as("a known username is kept when the new one is absent; reachability is kept")
        .contains(new Owner(user(10), Optional.of("owner_10"), true));
  }

  @Test
  void protectingAnotherGroupWithTheSameChannelLinksItToBoth() {
    groups().protect(group(1), "A", owner(10), List.of(channel(1)), at(0));
    groups().protect(group(2), "B", owner(11), List.of(channel(1)), at(0));

    assertThat(groups().linkedTo(channelId(1))).containsExactly(group(2), group(1));
  }

  @Test
  void unlinkRemovesTheGivenChannelsAndKeepsTheOthers() {
    groups().protect(group(1), "G", owner(10), List.of(channel(1), channel(2)), at(0));

    Optional<ProtectedGroup> after = groups().unlink(group(1), Set.of(channelId(1)), at(5));

    assertThat(after).isPresent();
    assertThat(ids(after.get())).containsExactly(channelId(2));
    assertThat(after.get().enabled()).isTrue();
    assertThat(after.get().updatedAt()).isEqualTo(at(5));
    assertThat(groups().linkedTo(channelId(1))).isEmpty();
    assertThat(store.channels().find(channelId(1))).contains(channel(1));
  }

  @Test
  void unlinkingTheLastChannelDisablesTheGroup() {
    groups().protect(group(1), "G", owner(10), List.of(channel(1)), at(0));

    ProtectedGroup after = groups().unlink(group(1), Set.of(channelId(1)), at(5)).orElseThrow();

    assertThat(after.channels()).isEmpty();
    assertThat(after.enabled()).isFalse();
    assertThat(groups().countActive()).isZero();
  }

  @Test
  void unlinkAndDisableOfAnUnknownGroupReturnEmpty() {
    assertThat(groups().unlink(group(9), Set.of(channelId(1)), at(0))).isEmpty();
    assertThat(groups().disable(group(9), at(0))).isEmpty();
    assertThat(groups().find(group(9))).isEmpty();
  }

  @Test
  void disableUnlinksEveryChannelAndSwitchesProtectionOff() {
    groups().protect(group(1), "G", owner(10), List.of(channel(1), channel(2)), at(0));

    ProtectedGroup after = groups().disable(group(1), at(7)).orElseThrow();

    assertThat(after.enabled()).isFalse();
    assertThat(after.channels()).isEmpty();
    assertThat(after.updatedAt()).isEqualTo(at(7));
    assertThat(groups().linkedTo(channelId(1))).isEmpty();
    assertThat(groups().find(group(1))).contains(after);
  }

  @Test
  void pauseKeepsItsReasonUntilResume() {
    groups().protect(group(1), "G", owner(10), List.of(channel(1)), at(0));
    PauseReason reason =
        new PauseReason(
            PauseReason.Kind.CANNOT_CHECK_CHANNEL, Optional.of(channelId(1)), "not an admin");

    groups().pause(group(1), reason, at(1));
    ProtectedGroup paused = groups().find(group(1)).orElseThrow();
    groups().resume(group(1), at(2));
    ProtectedGroup resumed = groups().find(group(1)).orElseThrow();

    assertThat(paused.pause()).contains(reason);
    assertThat(paused.isActive()).isFalse();
    assertThat(paused.updatedAt()).isEqualTo(at(1));
    assertThat(resumed.pause()).isEmpty();
    assertThat(resumed.isActive()).isTrue();
    assertThat(resumed.updatedAt()).isEqualTo(at(2));
  }

  @Test
  void changesToAnUnknownGroupCreateNothing() {
    groups()
        .pause(
            group(3),
            new PauseReason(PauseReason.Kind.BOT_REMOVED_FROM_GROUP, Optional.empty(), ""),
            at(0));
    groups().resume(group(3), at(0));
    groups().updateSettings(group(3), GroupSettings.DEFAULTS, at(0));

    assertThat(groups().find(group(3))).isEmpty();
    assertThat(groups().countActive()).isZero();
  }

  @Test
  void settingsRoundTripIncludingAwkwardText() {
    groups().protect(group(1), "G", owner(10), List.of(channel(1)), at(0));
    GroupSettings custom =
        new GroupSettings(
            Optional.of("Say \"hi\"\\ then\njoin 📢 {channel} \u0001 ünïcode"),
            "✅ ok",
            "Join \"now\"",
            Duration.ofSeconds(30),
            false,
            Language.ARABIC);

    groups().updateSettings(group(1), custom, at(3));

    ProtectedGroup g = groups().find(group(1)).orElseThrow();
    assertThat(g.settings()).isEqualTo(custom);
    assertThat(g.updatedAt()).isEqualTo(at(3));
  }

  @Test
  void linkedToListsEnabledGroupsIncludingPausedOnesInIdOrder() {
    groups().protect(group(1), "A", owner(10), List.of(channel(1)), at(0));
    groups().protect(group(2), "B", owner(10), List.of(channel(1), channel(2)), at(0));
    groups().protect(group(3), "C", owner(10), List.of(channel(1)), at(0));
    groups().protect(group(4), "D", owner(10), List.of(channel(2)), at(0));
    groups()
        .pause(
            group(2),
            new PauseReason(PauseReason.Kind.BOT_LACKS_GROUP_RIGHTS, Optional.empty(), ""),
            at(1));
    groups().disable(group(3), at(1));

    assertThat(groups().linkedTo(channelId(1))).containsExactly(group(2), group(1));
    assertThat(groups().linkedTo(channelId(2))).containsExactly(group(4), group(2));
    assertThat(groups().linkedTo(channelId(9))).isEmpty();
  }

  @Test
  void ownedByListsTheOwnersGroupsOnly() {
    groups().protect(group(1), "A", owner(10), List.of(channel(1)), at(0));
    groups().protect(group(2), "B", owner(10), List.of(channel(2)), at(0));
    groups().protect(group(3), "C", owner(11), List.of(channel(1)), at(0));

    assertThat(groups().ownedBy(user(10)))
        .extracting(ProtectedGroup::id)
        .containsExactlyInAnyOrder(group(1), group(2));
    assertThat(groups().ownedBy(user(11))).extracting(ProtectedGroup::id).containsExactly(group(3));
    assertThat(groups().ownedBy(user(12))).isEmpty();
  }

  @Test
  void migrateMovesTheGroupWithItsLinksMembersAndPrompts() {
    GroupId from = GroupId.of(-4242);
    GroupId to = group(5);
    groups().protect(from, "Basic", owner(10), List.of(channel(1)), at(0));
    GroupSettings custom =
        new GroupSettings(
            Optional.empty(), "V", "J", Duration.ofMinutes(2), false, Language.RUSSIAN);
    groups().updateSettings(from, custom, at(1));
    store.members().setRestriction(from, user(50), RestrictionState.RESTRICTED, at(2));
    Prompt prompt = new Prompt(from, MessageId.of(7), Set.of(user(50)), at(2), at(100));
    store.prompts().save(prompt);
    groups().protect(group(6), "Other", owner(11), List.of(channel(1)), at(0));
    store.members().recordActivity(group(6), user(50), at(3));

    groups().migrate(from, to, at(9));

    assertThat(groups().find(from)).isEmpty();
    ProtectedGroup moved = groups().find(to).orElseThrow();
    assertThat(moved.title()).isEqualTo("Basic");
    assertThat(moved.settings()).isEqualTo(custom);
    assertThat(ids(moved)).containsExactly(channelId(1));
    assertThat(moved.updatedAt()).isEqualTo(at(9));
    assertThat(groups().linkedTo(channelId(1))).containsExactly(group(6), to);
    assertThat(store.members().find(from, user(50))).isEmpty();
    assertThat(store.members().find(to, user(50)).orElseThrow().isRestricted()).isTrue();
    assertThat(store.prompts().find(from, MessageId.of(7))).isEmpty();
    assertThat(store.prompts().find(to, MessageId.of(7)))
        .contains(new Prompt(to, MessageId.of(7), Set.of(user(50)), at(2), at(100)));
    assertThat(store.members().find(group(6), user(50)).orElseThrow().isRestricted()).isFalse();
  }

  @Test
  void migrateOfAnUnknownGroupDoesNothing() {
    groups().protect(group(6), "Other", owner(11), List.of(channel(1)), at(0));

    groups().migrate(GroupId.of(-77), group(6), at(1));

    assertThat(groups().find(group(6)).orElseThrow().updatedAt()).isEqualTo(at(0));
    assertThat(groups().find(GroupId.of(-77))).isEmpty();
  }

  @Test
  void countActiveCountsEnabledUnpausedGroups() {
    groups().protect(group(1), "A", owner(10), List.of(channel(1)), at(0));
    groups().protect(group(2), "B", owner(10), List.of(channel(1)), at(0));
    groups().protect(group(3), "C", owner(10), List.of(channel(1)), at(0));
    groups().protect(group(4), "D", owner(10), List.of(channel(1)), at(0));
    groups()
        .pause(
            group(2),
            new PauseReason(PauseReason.Kind.BOT_REMOVED_FROM_GROUP, Optional.empty(), ""),
            at(1));
    groups().disable(group(3), at(1));

    assertThat(groups().countActive()).isEqualTo(2);
  }

  @Test
  void countPausedCountsEnabledPausedGroupsByKind() {
    for (int i = 1; i <= 5; i++) {
      groups().protect(group(i), "G" + i, owner(10), List.of(channel(1)), at(0));
    }
    PauseReason lostRights =
        new PauseReason(PauseReason.Kind.BOT_LACKS_GROUP_RIGHTS, Optional.empty(), "demoted");
    groups().pause(group(1), lostRights, at(1));
    groups().pause(group(2), lostRights, at(1));
    groups()
        .pause(
            group(3),
            new PauseReason(PauseReason.Kind.CANNOT_CHECK_CHANNEL, Optional.of(channelId(1)), ""),
            at(1));
    groups().pause(group(4), lostRights, at(1));
    groups().disable(group(4), at(2)); // disabled: no longer counted as paused

    assertThat(groups().countPaused())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                PauseReason.Kind.BOT_LACKS_GROUP_RIGHTS, 2L,
                PauseReason.Kind.CANNOT_CHECK_CHANNEL, 1L));

    groups().resume(group(1), at(3));
    assertThat(groups().countPaused())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                PauseReason.Kind.BOT_LACKS_GROUP_RIGHTS, 1L,
                PauseReason.Kind.CANNOT_CHECK_CHANNEL, 1L));
  }

  @Test
  void oneGroupsChangesNeverTouchAnotherGroup() {
    groups().protect(group(1), "A", owner(10), List.of(channel(1), channel(2)), at(0));
    ProtectedGroup other =
        groups().protect(group(2), "B", owner(11), List.of(channel(1), channel(2)), at(0));

    groups().unlink(group(1), Set.of(channelId(1)), at(1));
    groups()
        .pause(
            group(1),
            new PauseReason(PauseReason.Kind.BOT_LACKS_GROUP_RIGHTS, Optional.empty(), ""),
            at(2));
    groups()
        .updateSettings(
            group(1),
            new GroupSettings(Optional.of("t"), "v", "j", Duration.ofMinutes(1), false),
            at(3));
    groups().disable(group(1), at(4));
    groups().protect(group(1), "A2", owner(12), List.of(channel(3)), at(5));

    assertThat(groups().find(group(2))).contains(other);
  }

  @Test
  void aStoreThatIsDownFailsWithStorageUnavailable() {
    GroupRepository down = newUnavailableStore().groups();

    assertThatThrownBy(() -> down.find(group(1))).isInstanceOf(StorageUnavailableException.class);
    assertThatThrownBy(() -> down.protect(group(1), "G", owner(1), List.of(channel(1)), at(0)))
        .isInstanceOf(StorageUnavailableException.class);
    assertThatThrownBy(() -> down.linkedTo(channelId(1)))
        .isInstanceOf(StorageUnavailableException.class);
  }
}
