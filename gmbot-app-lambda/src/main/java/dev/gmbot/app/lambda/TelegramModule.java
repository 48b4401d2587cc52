package dev.gmbot.app.lambda;

import dagger.Module;
import dagger.Provides;
import dev.gmbot.adapter.telegram.TelegramBotApi;
import dev.gmbot.adapter.telegram.TelegramBotApiClient;
import dev.gmbot.adapter.telegram.TelegramClientConfig;
import dev.gmbot.adapter.telegram.TelegramUpdateDecoder;
import dev.gmbot.adapter.telegram.UpdateDecodingException;
import dev.gmbot.app.lambda.config.ConfigurationException;
import dev.gmbot.app.lambda.config.LambdaConfig;
import dev.gmbot.app.lambda.json.JsonLog;
import dev.gmbot.app.lambda.webhook.MalformedUpdateException;
import dev.gmbot.app.lambda.webhook.ReplyingTelegram;
import dev.gmbot.app.lambda.webhook.UpdateDecoder;
import dev.gmbot.app.lambda.webhook.WebhookReplySlot;
import dev.gmbot.port.out.GuardMetrics;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;

/** The Bot API client, the update decoder and the webhook-reply decorator around the client. */
@Module
final class TelegramModule {
  /** A Lambda container serves one request at a time: a few pooled connections are plenty. */
  static final int LAMBDA_CONNECTION_POOL = 4;

  private TelegramModule() {}

  @Provides
  @Singleton
  static TelegramClientConfig clientConfig(LambdaConfig config) {
    TelegramClientConfig client;
    try {
      client = TelegramClientConfig.fromEnvironment(config.variables());
    } catch (IllegalArgumentException e) {
      throw ConfigurationException.fromAdapter(
          e, "BOT_TOKEN", "TELEGRAM_API_URL", "GMBOT_TELEGRAM");
    }
    return config.isSet("GMBOT_TELEGRAM_POOL_SIZE")
        ? client
        : client.withConnectionPoolSize(LAMBDA_CONNECTION_POOL);
  }

  @Provides
  @Singleton
  static TelegramBotApiClient client(TelegramClientConfig config, GuardMetrics metrics) {
    return new TelegramBotApiClient(config, metrics);
  }

  @Provides
  @Singleton
  static TelegramBotApi botApi(TelegramBotApiClient client) {
    return new TelegramBotApi(client);
  }

  @Provides
  @Singleton
  static WebhookReplySlot replySlot(LambdaConfig config, JsonLog log) {
    return new WebhookReplySlot(
        config.webhookReply(),
        method ->
            log.warn("a held fire-and-forget call was refused; dropped", Map.of("method", method)));
  }

  @Provides
  @Singleton
  static ReplyingTelegram telegram(WebhookReplySlot slot, TelegramBotApi api) {
    return new ReplyingTelegram(slot, api, api, api, api, api);
  }

  @Provides
  @Singleton
  static TelegramUpdateDecoder telegramDecoder(Clock clock) {
    return new TelegramUpdateDecoder(clock);
  }

  @Provides
  static UpdateDecoder decoder(TelegramUpdateDecoder decoder) {
    return body -> {
      try {
        return decoder.decode(body);
      } catch (UpdateDecodingException e) {
        throw new MalformedUpdateException(e.getMessage(), e);
      }
    };
  }
}
