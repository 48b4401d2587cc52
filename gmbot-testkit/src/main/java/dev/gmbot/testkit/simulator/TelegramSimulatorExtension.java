package dev.gmbot.testkit.simulator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5/6 extension: {@code @RegisterExtension static TelegramSimulatorExtension telegram =
 * TelegramSimulatorExtension.start();}. One server per test class; the world is reset before each
 * test; the server stops after the class.
 */
public final class TelegramSimulatorExtension
    implements BeforeEachCallback, AfterAllCallback, ParameterResolver {
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

  /** Test methods may declare a {@link TelegramSimulator} parameter. */
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TelegramSimulator.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return sim;
  }

  @Override
  public void afterAll(ExtensionContext context) {
    sim.close();
  }
}
