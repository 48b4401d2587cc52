package dev.gmbot.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.ChatRef;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.UserRef;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChannelReferenceTest {
  private static final EnforcedChannel NEWS =
      new EnforcedChannel(
          ChannelId.of(-1002000000001L), "News", Optional.of("news_room"), Optional.empty());

  @ParameterizedTest(name = "{0} names {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          @news_room                            | @news_room
          @News_Room                            | @News_Room
          t.me/news_room                        | @news_room
          https://t.me/news_room                | @news_room
          @news                                 | @news
          @abcde                                | @abcde
          @a1234567890123456789012345678901     | @a1234567890123456789012345678901
          @a_b_c_d                              | @a_b_c_d
          @x9999                                | @x9999
          -1002000000001                        | -1002000000001
          -1000000000001                        | -1000000000001
          -1997852516352                        | -1997852516352
          """)
  void acceptsEveryFormTelegramAllows(String written, String text) {
    assertThat(ChannelReference.parse(written)).map(ChannelReference::text).contains(text);
    assertThat(ChannelReference.of(written).text()).isEqualTo(text);
  }

  @ParameterizedTest(name = "rejects \"{0}\"")
  @ValueSource(
      strings = {
        "",
        "@",
        "news_room", // a bare name is not one of the forms
        "@abc", // 3 characters
        "@a12345678901234567890123456789012", // 33 characters
        "@1news", // starts with a digit
        "@_news", // starts with an underscore
        "@news_", // ends with an underscore
        "@news__room", // two underscores in a row
        "@news-room",
        "@news room",
        "@nëws_room", // letters are ASCII only
        "@@news_room",
        "news!",
        "http://t.me/news_room",
        "https://t.me/",
        "https://t.me/+AbCdEfGh", // an invite link names no channel
        "https://t.me/joinchat/AbCdEfGh",
        "https://t.me/news_room/12", // a post, not a channel
        "t.me/s/news_room",
        "https://example.com/news_room",
        "-100123456", // too short for a channel id
        "-10020000000011", // too long
        "-1000000000000", // channel number 0
        "-1997852516353", // past the highest channel number
        "1002000000001", // positive: a user
        "-4000001", // a basic group
        "-100200000000a",
        " @news_room",
        "@news_room "
      })
  void rejectsWhatIsNotAChannelName(String written) {
    assertThat(ChannelReference.parse(written)).isEmpty();
    assertThatThrownBy(() -> ChannelReference.of(written))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("@username");
  }

  @Test
  void nothingIsNoChannel() {
    assertThat(ChannelReference.parse(null)).isEmpty();
  }

  @Test
  void aUsernameNamesItsChannelIgnoringCaseAndAnIdNamesTheChannelWithThatId() {
    assertThat(ChannelReference.of("@NEWS_ROOM").names(NEWS)).isTrue();
    assertThat(ChannelReference.of("t.me/news_room").names(NEWS)).isTrue();
    assertThat(ChannelReference.of("@other_room").names(NEWS)).isFalse();
    assertThat(ChannelReference.of("-1002000000001").names(NEWS)).isTrue();
    assertThat(ChannelReference.of("-1002000000002").names(NEWS)).isFalse();
    EnforcedChannel privateChannel =
        new EnforcedChannel(
            ChannelId.of(-1002000000003L), "Secret", Optional.empty(), Optional.empty());
    assertThat(ChannelReference.of("@secret").names(privateChannel)).isFalse();
  }

  @Test
  void theValuesThemselvesRefuseWhatTheParserRefuses() {
    assertThat(new ChannelReference.Username("news_room").text()).isEqualTo("@news_room");
    assertThat(new ChannelReference.NumericId(ChannelId.of(-1002000000001L)).text())
        .isEqualTo("-1002000000001");
    assertThatThrownBy(() -> new ChannelReference.Username("news_"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ChannelReference.Username("@news"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ChannelReference.NumericId(ChannelId.of(-4000001L)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void commandRecordsKeepTheCanonicalTextOfEveryChannel() {
    ChatRef group = ChatRef.group(-1001000000001L, "Fans");
    Sender caller = new Sender.User(UserRef.of(10, "Olga", "olga"));

    ProtectGroupCommand protect =
        new ProtectGroupCommand(
            group, caller, List.of("https://t.me/news_room", "@Extra_Room", "-1002000000001"));
    UnprotectGroupCommand unprotect =
        new UnprotectGroupCommand(group, caller, List.of("t.me/news_room"));

    assertThat(protect.channels()).containsExactly("@news_room", "@Extra_Room", "-1002000000001");
    assertThat(protect.references())
        .containsExactly(
            new ChannelReference.Username("news_room"),
            new ChannelReference.Username("Extra_Room"),
            new ChannelReference.NumericId(ChannelId.of(-1002000000001L)));
    assertThat(unprotect.channels()).containsExactly("@news_room");
    assertThat(UnprotectGroupCommand.all(group, caller).references()).isEmpty();
    assertThatThrownBy(() -> new UnprotectGroupCommand(group, caller, List.of("news_room")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got: news_room");
  }
}
