package dev.gmbot.app.server.e2e;

/** The settings menu end to end: long polling, H2 and in-process state. */
class MenuPollingH2IT extends MenuScenarios {
  @Override
  ServerUnderTest.Mode mode() {
    return ServerUnderTest.Mode.POLLING;
  }

  @Override
  ServerUnderTest.Backend backend() {
    return ServerUnderTest.Backend.H2_IN_PROCESS;
  }
}
