package dev.gmbot.app.lambda;

import dagger.Module;
import dagger.Provides;
import dev.gmbot.adapter.telegram.TelegramBotApi;
import dev.gmbot.port.out.CommandMenus;

/** The command menus are set through the Bot API client directly (never as a webhook reply). */
@Module
final class CommandMenusModule {
  private CommandMenusModule() {}

  @Provides
  static CommandMenus commandMenus(TelegramBotApi api) {
    return api;
  }
}
