package dev.gmbot.app.server.http;

import dev.gmbot.app.server.config.ServerConfig;
import dev.gmbot.app.server.health.HealthProbe;
import dev.gmbot.app.server.ingest.UpdateIngestion;
import dev.gmbot.app.server.wiring.ServerComponent;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * Hands the Dagger-built objects to Micronaut. The {@link ServerComponent} is created once by the
 * launcher and registered in the application context as a singleton; these factory methods expose
 * its objects as beans, so the domain is built once, by Dagger, exactly as in the Lambda app.
 */
@Factory
public final class ComponentBeans {
  private final ServerComponent component;

  public ComponentBeans(ServerComponent component) {
    this.component = component;
  }

  @Singleton
  ServerConfig config() {
    return component.config();
  }

  @Singleton
  UpdateIngestion ingestion() {
    return component.ingestion();
  }

  @Singleton
  HealthProbe health() {
    return component.health();
  }

  @Singleton
  PrometheusMeterRegistry meterRegistry() {
    return component.meterRegistry();
  }
}
