package dev.gmbot.domain.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmbot.domain.commands.MenuCallback.Action;
import dev.gmbot.domain.protection.ProtectionPolicy;
import dev.gmbot.port.model.Button;
import dev.gmbot.port.model.GroupId;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The compact encoding of the settings menu's callback data. */
class MenuCallbackTest {
  private static final GroupId SUPERGROUP = GroupId.of(-1001234567890L);
  private static final GroupId FARTHEST = GroupId.of(Long.MIN_VALUE);
  private static final String LONGEST_ARGUMENT = "Zz-_9".repeat(3) + "x";

  @ParameterizedTest
  @EnumSource(Action.class)
  void everyActionRoundTripsAndStaysFarBelow64BytesForTheLongestIdsAndArguments(Action action) {
    MenuCallback callback =
        switch (action) {
          case HOME -> MenuCallback.home();
          case NOOP -> MenuCallback.noop();
          default -> MenuCallback.of(action, FARTHEST, LONGEST_ARGUMENT);
        };

    String data = callback.encode();

    assertThat(data.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(40);
    assertThat(MenuCallback.parse(data)).contains(callback);
    assertThat(new Button.Callback("label", data).data()).isEqualTo(data);
  }

  @Test
  void aSupergroupIsWrittenInBase36() {
    String data = MenuCallback.of(Action.GROUP, SUPERGROUP).encode();

    assertThat(data).isEqualTo("m:g:-" + Long.toString(1001234567890L, 36));
    assertThat(data).hasSize(13);
  }

  @Test
  void aNumberArgumentRoundTrips() {
    long channel = -1002000000001L;
    MenuCallback remove =
        MenuCallback.of(Action.REMOVE_CHANNEL, SUPERGROUP, MenuCallback.number(channel));

    assertThat(MenuCallback.parse(remove.encode()).flatMap(MenuCallback::number)).contains(channel);
  }

  @Test
  void menuDataNeverLooksLikeAVerifyOrJoinButtonAndTheirsNeverLikeMenuData() {
    String data = MenuCallback.of(Action.AUDIT, SUPERGROUP, "3").encode();

    assertThat(data)
        .doesNotStartWith(ProtectionPolicy.VERIFY_PREFIX)
        .doesNotStartWith(ProtectionPolicy.JOIN_PREFIX);
    assertThat(MenuCallback.isMenu(ProtectionPolicy.VERIFY_ANY)).isFalse();
    assertThat(MenuCallback.isMenu(ProtectionPolicy.JOIN_PREFIX + SUPERGROUP)).isFalse();
    assertThat(MenuCallback.isMenu(data)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "m:",
        "m:zz",
        "m:g",
        "m:h:-ab",
        "m:g:xyz!",
        "m:g:1",
        "m:g:-ab:",
        "m:g:-ab:c:d",
        "m:a:-ab:über",
        "verify:42",
        "join:-100123"
      })
  void whatIsNotAMenuDatumIsNothing(String data) {
    assertThat(MenuCallback.parse(data)).isEmpty();
  }

  @Test
  void actionsThatNeedAGroupHaveOneAndArgumentsAreShortAndPlain() {
    assertThatThrownBy(() -> new MenuCallback(Action.GROUP, Optional.empty(), ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MenuCallback(Action.HOME, Optional.of(SUPERGROUP), ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MenuCallback.of(Action.AUDIT, SUPERGROUP, "x".repeat(17)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MenuCallback.of(Action.AUDIT, SUPERGROUP, "a:b"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
