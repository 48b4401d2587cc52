package dev.gmbot.domain.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmbot.domain.scheduling.Priority;
import dev.gmbot.port.model.Button;
import dev.gmbot.port.model.CallbackAnswer;
import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.GroupSettings;
import dev.gmbot.port.model.Language;
import dev.gmbot.port.model.MessageId;
import dev.gmbot.port.model.OutgoingMessage;
import dev.gmbot.port.model.StatsChartData;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.model.UserRef;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every decision that can wait in the outbox comes back equal, whatever its text holds. */
class DecisionCodecTest {
  private static final GroupId GROUP = GroupId.of(-1001000000001L);
  private static final UserRef USER =
      new UserRef(UserId.of(7), "Ann: 12:3\nline", Optional.of("ann"), false, Optional.empty());
  private static final List<EnforcedChannel> CHANNELS =
      List.of(
          new EnforcedChannel(
              ChannelId.of(-1002000000001L), "News 📢", Optional.of("news"), Optional.empty()));
  private static final GroupSettings SETTINGS =
      new GroupSettings(
          Optional.of("Hi {name}: join!"),
          "✅ verify",
          "📢 join",
          Duration.ofMinutes(3),
          false,
          Language.values()[Language.values().length - 1],
          Optional.of(42L));
  private static final OutgoingMessage MESSAGE =
      new OutgoingMessage(
          "two\nlines: 5:x",
          List.of(
              List.of(new Button.Url("site", "https://example.org")),
              List.of(new Button.Callback("ok", "v:1"), new Button.Callback("no", "n:2"))),
          Optional.of(MessageId.of(99)),
          true,
          Optional.of(17L));
  private static final StatsChartData CHART =
      new StatsChartData(
          "Last 2 days: 4:x",
          List.of(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 1)),
          List.of(
              new StatsChartData.Series("joined", List.of(3L, 0L)),
              new StatsChartData.Series("verified\n", List.of(1L, 12L))));

  @Test
  void everyDeferrableDecisionRoundTrips() {
    List<Decision> all =
        List.of(
            new Decision.Restrict(GROUP, USER, "not subscribed"),
            new Decision.Lift(GROUP, USER.id(), Priority.P2_BACKGROUND, ""),
            new Decision.Prompt(GROUP, USER, CHANNELS, SETTINGS),
            new Decision.Prompt(GROUP, USER, CHANNELS, GroupSettings.DEFAULTS, Optional.of(5L)),
            new Decision.ClearPrompts(GROUP, USER.id(), CHANNELS, GroupSettings.DEFAULTS),
            new Decision.DeleteMessage(GROUP, MessageId.of(5), "foreign channel"),
            new Decision.AnswerCallback(CallbackAnswer.alert("q1", "Not yet")),
            new Decision.AnswerCallback(CallbackAnswer.silent("q2")),
            new Decision.Reply(ChatId.of(7), MESSAGE, Priority.P0_INTERACTIVE),
            new Decision.NotifyOwner(GROUP, "no rights"),
            new Decision.ApproveJoin(GROUP, USER.id()),
            new Decision.EditMessage(ChatId.of(7), MessageId.of(3), MESSAGE),
            new Decision.PreviewPrompt(ChatId.of(7), USER, CHANNELS, SETTINGS, "inert"),
            new Decision.SendChart(GROUP.chat(), CHART, "caption 📈", OutgoingMessage.text("1:2")),
            new Decision.SendChart(
                ChatId.of(7), new StatsChartData("empty", List.of(), List.of()), "c", MESSAGE));
    assertThat(all).allMatch(DecisionCodec::deferrable);

    assertThat(DecisionCodec.decode(DecisionCodec.encode(all))).isEqualTo(all);
  }

  @Test
  void stateChangesAreNotDeferrableAndUnknownFormatsAreRefused() {
    assertThat(DecisionCodec.deferrable(new Decision.RecordMember(GROUP, USER.id()))).isFalse();
    assertThatThrownBy(() -> DecisionCodec.decode("2:d91:0"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DecisionCodec.decode("2:d11:1"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
