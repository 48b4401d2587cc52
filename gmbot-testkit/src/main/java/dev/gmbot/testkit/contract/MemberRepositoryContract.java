package dev.gmbot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmbot.port.model.GroupMember;
import dev.gmbot.port.model.MemberCounts;
import dev.gmbot.port.model.RestrictionState;
import dev.gmbot.port.out.MemberRepository;
import dev.gmbot.port.out.StorageUnavailableException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link MemberRepository} must have (see the port's javadoc). */
public abstract class MemberRepositoryContract extends RepositoryContractSupport {

  private MemberRepository members() {
    return store.members();
  }

  @Test
  void unknownMemberIsNotFound() {
    assertThat(members().find(group(1), user(1))).isEmpty();
  }

  @Test
  void firstActivityCreatesAFreeMember() {
    members().recordActivity(group(1), user(1), at(5));

    assertThat(members().find(group(1), user(1)))
        .contains(new GroupMember(group(1), user(1), at(5), RestrictionState.FREE, at(5)));
  }

  @Test
  void activityOnlyMovesLastSeenForward() {
    members().setRestriction(group(1), user(1), RestrictionState.RESTRICTED, at(5));

    members().recordActivity(group(1), user(1), at(9));
    members().recordActivity(group(1), user(1), at(7));

    assertThat(members().find(group(1), user(1)))
        .contains(new GroupMember(group(1), user(1), at(9), RestrictionState.RESTRICTED, at(5)));
  }

  @Test
  void setRestrictionCreatesAnUnknownMemberSeenThen() {
    members().setRestriction(group(1), user(1), RestrictionState.RESTRICTED, at(3));

    assertThat(members().find(group(1), user(1)))
        .contains(new GroupMember(group(1), user(1), at(3), RestrictionState.RESTRICTED, at(3)));
  }

  @Test
  void setRestrictionKeepsLastSeenAndStampsTheChange() {
    members().recordActivity(group(1), user(1), at(1));
    members().setRestriction(group(1), user(1), RestrictionState.RESTRICTED, at(4));
    members().setRestriction(group(1), user(1), RestrictionState.FREE, at(6));

    assertThat(members().find(group(1), user(1)))
        .contains(new GroupMember(group(1), user(1), at(1), RestrictionState.FREE, at(6)));
  }

  @Test
  void removeForgetsTheMemberInThatGroupOnly() {
    members().recordActivity(group(1), user(1), at(1));
    members().recordActivity(group(2), user(1), at(1));

    members().remove(group(1), user(1));

    assertThat(members().find(group(1), user(1))).isEmpty();
    assertThat(members().find(group(2), user(1))).isPresent();
  }

  @Test
  void findInGroupsLooksOnlyAmongTheGivenGroups() {
    members().recordActivity(group(1), user(1), at(1));
    members().setRestriction(group(2), user(1), RestrictionState.RESTRICTED, at(2));
    members().recordActivity(group(3), user(1), at(3));
    members().recordActivity(group(2), user(2), at(3));

    List<GroupMember> found =
        members().findInGroups(user(1), List.of(group(1), group(2), group(9)));

    assertThat(found).extracting(GroupMember::group).containsExactlyInAnyOrder(group(1), group(2));
    assertThat(found).allMatch(m -> m.user().equals(user(1)));
    assertThat(members().findInGroups(user(1), List.of())).isEmpty();
  }

  @Test
  void restrictedListsTheGroupsRestrictedUsersOldestChangeFirst() {
    members().setRestriction(group(1), user(3), RestrictionState.RESTRICTED, at(30));
    members().setRestriction(group(1), user(1), RestrictionState.RESTRICTED, at(10));
    members().setRestriction(group(1), user(2), RestrictionState.RESTRICTED, at(20));
    members().recordActivity(group(1), user(4), at(5));
    members().setRestriction(group(2), user(5), RestrictionState.RESTRICTED, at(1));

    assertThat(members().restricted(group(1), 10)).containsExactly(user(1), user(2), user(3));
    assertThat(members().restricted(group(1), 2)).containsExactly(user(1), user(2));
    assertThat(members().restricted(group(3), 10)).isEmpty();
  }

  @Test
  void countsSplitFreeAndRestrictedMembersOfTheGroup() {
    members().recordActivity(group(1), user(1), at(1));
    members().recordActivity(group(1), user(2), at(1));
    members().setRestriction(group(1), user(3), RestrictionState.RESTRICTED, at(1));
    members().setRestriction(group(2), user(4), RestrictionState.RESTRICTED, at(1));

    assertThat(members().counts(group(1))).isEqualTo(new MemberCounts(2, 1));
    assertThat(members().counts(group(3))).isEqualTo(new MemberCounts(0, 0));
  }

  @Test
  void oneGroupsChangesNeverTouchTheSameUserInAnotherGroup() {
    members().recordActivity(group(1), user(1), at(1));
    members().recordActivity(group(2), user(1), at(1));

    members().setRestriction(group(1), user(1), RestrictionState.RESTRICTED, at(2));
    members().recordActivity(group(1), user(1), at(3));

    assertThat(members().find(group(2), user(1)))
        .contains(new GroupMember(group(2), user(1), at(1), RestrictionState.FREE, at(1)));
    assertThat(members().counts(group(2))).isEqualTo(new MemberCounts(1, 0));
  }

  @Test
  void aStoreThatIsDownFailsWithStorageUnavailable() {
    MemberRepository down = newUnavailableStore().members();

    assertThatThrownBy(() -> down.recordActivity(group(1), user(1), at(0)))
        .isInstanceOf(StorageUnavailableException.class);
    assertThatThrownBy(() -> down.find(group(1), user(1)))
        .isInstanceOf(StorageUnavailableException.class);
  }
}
