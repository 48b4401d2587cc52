package dev.gmbot.app.server.wiring;

import dev.gmbot.app.server.config.ServerConfig;
import java.time.Clock;

/** Builds the server's Dagger graph from a configuration that was read and validated whole. */
public final class ServerComponents {
  private ServerComponents() {}

  /**
   * Builds the graph. Nothing is opened yet: the first access to {@link ServerComponent#guard()}
   * connects the database and Redis.
   */
  public static ServerComponent create(ServerConfig config, Clock clock) {
    return DaggerServerComponent.builder().config(config).clock(clock).build();
  }
}
