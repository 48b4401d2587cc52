package dev.gmbot.app.server.e2e;

/** The server end to end: long polling, H2 and in-process state. */
class PollingH2IT extends ServerScenarios {
  @Override
  ServerUnderTest.Mode mode() {
    return ServerUnderTest.Mode.POLLING;
  }

  @Override
  ServerUnderTest.Backend backend() {
    return ServerUnderTest.Backend.H2_IN_PROCESS;
  }
}
