package dev.gmbot.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmbot.adapter.postgres.LegacyEnvImporter.Outcome;
import dev.gmbot.port.model.ChannelId;
import dev.gmbot.port.model.EnforcedChannel;
import dev.gmbot.port.model.GroupId;
import dev.gmbot.port.model.ProtectedGroup;
import dev.gmbot.port.model.UserId;
import dev.gmbot.port.out.GroupRepository;
import dev.gmbot.testkit.fake.InMemoryRepositories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LegacyEnvImporterTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
  private static final String ENV =
      """
      # old single-instance bot
      BOT_TOKEN=123456:AAAA-secret-token
      export GROUP_ID="-1001234567890"
      GROUP_TITLE='My group'   # title
      OWNER_ID=99
      OWNER_USERNAME=@boss
      CHANNEL_IDS=-1001111111111, -1002222222222
      CHANNEL_USERNAMES=@news_channel,https://t.me/other_channel
      """;

  private final InMemoryRepositories store = new InMemoryRepositories();
  private final LegacyEnvImporter importer = new LegacyEnvImporter(store.groups(), CLOCK);

  @Test
  void importsTheGroupOwnerAndChannels() {
    LegacyEnvImporter.Result result = importer.importText(ENV);

    GroupId group = GroupId.of(-1001234567890L);
    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    ProtectedGroup g = store.groups().find(group).orElseThrow();
    assertThat(g.title()).isEqualTo("My group");
    assertThat(g.owner()).isEqualTo(UserId.of(99));
    assertThat(g.isActive()).isTrue();
    assertThat(g.channels())
        .containsExactly(
            new EnforcedChannel(
                ChannelId.of(-1001111111111L), "", Optional.of("news_channel"), Optional.empty()),
            new EnforcedChannel(
                ChannelId.of(-1002222222222L), "", Optional.of("other_channel"), Optional.empty()));
    assertThat(store.owners().find(UserId.of(99)).orElseThrow().username()).contains("boss");
  }

  @Test
  void runningTwiceChangesNothing() {
    importer.importText(ENV);
    ProtectedGroup first = store.groups().find(GroupId.of(-1001234567890L)).orElseThrow();

    LegacyEnvImporter.Result again =
        new LegacyEnvImporter(store.groups(), Clock.offset(CLOCK, java.time.Duration.ofHours(1)))
            .importText(ENV);

    assertThat(again.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(store.groups().find(GroupId.of(-1001234567890L))).contains(first);
  }

  @Test
  void isIdempotentOnARealDatabaseToo(@TempDir Path dir) throws Exception {
    Path file = dir.resolve(".env");
    Files.writeString(file, "GROUP_ID=-100777\nOWNER_ID=5\nCHANNEL_ID=-100888\n");
    try (Database db = Database.connect(TestDatabases.h2())) {
      db.migrate();
      GroupRepository groups = db.groups();
      LegacyEnvImporter onDb = new LegacyEnvImporter(groups, CLOCK);

      Outcome first = onDb.importFile(file).outcome();
      ProtectedGroup after = groups.find(GroupId.of(-100777)).orElseThrow();
      Outcome second =
          new LegacyEnvImporter(groups, Clock.offset(CLOCK, java.time.Duration.ofHours(1)))
              .importFile(file)
              .outcome();

      assertThat(first).isEqualTo(Outcome.CREATED);
      assertThat(second).isEqualTo(Outcome.UNCHANGED);
      assertThat(groups.find(GroupId.of(-100777))).contains(after);
    }
  }

  @Test
  void aNewChannelInTheFileIsAddedToTheExistingGroup() {
    importer.importText("GROUP_ID=-100777\nOWNER_ID=5\nCHANNEL_ID=-100888\n");

    LegacyEnvImporter.Result result =
        importer.importText("GROUP_ID=-100777\nOWNER_ID=5\nCHANNEL_IDS=-100888,-100999\n");

    assertThat(result.outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(store.groups().find(GroupId.of(-100777)).orElseThrow().channels()).hasSize(2);
  }

  @Test
  void badLinesAreReportedWithTheirLineNumberAndWithoutSecrets() {
    assertThatThrownBy(() -> importer.importText("BOT_TOKEN=123:secret\nthis is not a pair\n"))
        .isInstanceOf(LegacyEnvException.class)
        .hasMessage("line 2: expected KEY=VALUE");
    assertThatThrownBy(
            () ->
                importer.importText("BOT_TOKEN=123:secret\nGROUP_ID=12\nOWNER_ID=1\nCHANNEL_ID=-1"))
        .isInstanceOf(LegacyEnvException.class)
        .hasMessageStartingWith("line 2: GROUP_ID must be a negative chat id")
        .hasMessageNotContaining("secret");
    assertThatThrownBy(
            () -> importer.importText("GROUP_ID=-12\nOWNER_ID=1\nCHANNEL_ID=-1\nCHANNEL_IDS=-2"))
        .hasMessage("line 4: CHANNEL_IDS repeats CHANNEL_IDS already given on line 3");
    assertThatThrownBy(
            () ->
                importer.importText(
                    "GROUP_ID=-12\nOWNER_ID=1\nCHANNEL_IDS=-1,-2\nCHANNEL_USERNAMES=@only_one"))
        .hasMessageStartingWith("line 4: CHANNEL_USERNAMES has 1 entries but CHANNEL_IDS has 2");
    assertThatThrownBy(() -> importer.importText("GROUP_ID=\"-12\nOWNER_ID=1"))
        .hasMessage("line 1: unterminated quote in the value of GROUP_ID");
    assertThatThrownBy(() -> importer.importText("GROUP_ID=-12\nCHANNEL_ID=-1"))
        .hasMessageStartingWith("OWNER_ID is missing");
    assertThat(store.groups().countActive()).isZero();
  }
}
