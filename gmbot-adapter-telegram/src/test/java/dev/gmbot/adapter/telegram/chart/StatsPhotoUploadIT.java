package dev.gmbot.adapter.telegram.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmbot.adapter.telegram.TelegramBotApi;
import dev.gmbot.adapter.telegram.TelegramBotApiClient;
import dev.gmbot.adapter.telegram.TelegramClientConfig;
import dev.gmbot.port.model.ChatId;
import dev.gmbot.port.model.MessageId;
import dev.gmbot.port.out.ChatAccessException;
import dev.gmbot.testkit.simulator.AdminRights;
import dev.gmbot.testkit.simulator.ApiCall;
import dev.gmbot.testkit.simulator.SimChat;
import dev.gmbot.testkit.simulator.SimPhoto;
import dev.gmbot.testkit.simulator.TelegramSimulator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** sendPhoto of a drawn chart: a multipart upload over loopback HTTP to the Bot API simulator. */
class StatsPhotoUploadIT {
  private final TelegramSimulator sim = TelegramSimulator.start();
  private final TelegramBotApiClient client =
      new TelegramBotApiClient(
          TelegramClientConfig.of(sim.token()).withBaseUrl(URI.create(sim.baseUrl())));
  private final TelegramBotApi api = new TelegramBotApi(client);

  @AfterEach
  void stop() {
    client.close();
    sim.close();
  }

  @Test
  void theChartArrivesAsARealPngWithItsCaption() throws IOException {
    SimChat group = sim.newSupergroup("Fans").withBotAsAdmin(AdminRights.all());
    byte[] png = StatsCharts.jfreeChart().png(StatsChartsTest.fortnight("Fans", "Joined"));

    MessageId sent = api.sendPhoto(ChatId.of(group.id()), png, "📊 Today: joined 3");

    SimPhoto photo = sim.photos().get(0);
    assertThat(photo.messageId()).isEqualTo(sent.value());
    assertThat(photo.chatId()).isEqualTo(group.id());
    assertThat(photo.caption()).isEqualTo("📊 Today: joined 3");
    assertThat(photo.file().contentType()).isEqualTo("image/png");
    assertThat(Arrays.copyOf(photo.file().bytes(), 8)).isEqualTo(StatsChartsTest.PNG_SIGNATURE);
    assertThat(photo.file().bytes()).isEqualTo(png);
    assertThat(ImageIO.read(new ByteArrayInputStream(photo.file().bytes()))).isNotNull();
    ApiCall call = sim.calls().of("sendPhoto").get(0);
    assertThat(call.ok()).isTrue();
    assertThat(call.params().get("photo"))
        .hasToString("stats.png (image/png, " + png.length + " bytes)");
  }

  @Test
  void aChatThatRefusesPhotosIsAnAccessProblem() {
    SimChat group = sim.newSupergroup("Quiet").withBotAsAdmin(AdminRights.all());
    sim.denyPhotos(group.id());

    assertThatThrownBy(() -> api.sendPhoto(ChatId.of(group.id()), new byte[] {1, 2, 3}, ""))
        .isInstanceOfSatisfying(
            ChatAccessException.class,
            e -> assertThat(e.problem()).isEqualTo(ChatAccessException.Problem.NOT_ENOUGH_RIGHTS));
  }
}
