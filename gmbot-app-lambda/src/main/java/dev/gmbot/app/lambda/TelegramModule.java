package dev.gmbot.app.lambda;

import dagger.Module;
import dagger.Provides;
import dev.gmbot.adapter.telegram.TelegramBotApi;
import dev.gmbot.adapter.telegram.TelegramBotApiClient;
import dev.gmbot.adapter.telegram.TelegramUpdateDecoder;
import dev.gmbot.adapter.telegram.webhook.ReplyingTelegram;
import dev.gmbot.adapter.telegram.webhook.WebhookReplySlot;
import dev.gmbot.app.lambda.config.LambdaConfig;
import dev.gmbot.port.out.GuardMetrics;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The Bot API client, the update decoder and the webhook-reply decorator around the client. */
@Module
final class TelegramModule {
  private TelegramModule() {}

  @Provides
  @Singleton
  static TelegramBotApiClient client(LambdaConfig config, GuardMetrics metrics) {
    return new TelegramBotApiClient(config.telegram(), metrics);
  }

  @Provides
  @Singleton
  static TelegramBotApi botApi(TelegramBotApiClient client) {
    return new TelegramBotApi(client);
  }

  /** A container serves one request at a time: one slot for the webhook reply is enough. */
  @Provides
  @Singleton
  static WebhookReplySlot replySlot(LambdaConfig config) {
    return config.webhookReply() ? WebhookReplySlot.holding() : WebhookReplySlot.disabled();
  }

  @Provides
  @Singleton
  static ReplyingTelegram telegram(WebhookReplySlot slot, TelegramBotApi api) {
    return new ReplyingTelegram(slot, api, api, api, api, api);
  }

  @Provides
  @Singleton
  static TelegramUpdateDecoder decoder(Clock clock) {
    return new TelegramUpdateDecoder(clock);
  }
}
