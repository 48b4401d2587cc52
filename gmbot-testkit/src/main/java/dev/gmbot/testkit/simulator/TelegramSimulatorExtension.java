package dev.gmbot.testkit.simulator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5/6 extension: {@code @RegisterExtension static TelegramSimulatorExtension telegram =
 * TelegramSimulatorExtension.start();}. One server per test class; the world is reset before each
 * test; the server stops after the class.
 */
public final class TelegramSimulatorExtension implements BeforeEachCallback, AfterAllCallback {
  private final TelegramSimulator sim;

  private TelegramSimulatorExtension(TelegramSimulator sim) {
    this.sim = sim;
  }

  public static TelegramSimulatorExtension start() {
    return new TelegramSimulatorExtension(TelegramSimulator.start());
  }

  public static TelegramSimulatorExtension start(SimulatorConfig config) {
    return new TelegramSimulatorExtension(TelegramSimulator.start(config));
  }

  /** The simulator. */
  public TelegramSimulator sim() {
    return sim;
  }

  public String baseUrl() {
    return sim.baseUrl();
  }

  public String token() {
    return sim.token();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    sim.reset();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    sim.close();
  }
}
