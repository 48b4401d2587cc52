package dev.gmbot.app.server.e2e;

/** The server end to end: webhook, H2 and in-process state. */
class WebhookH2IT extends WebhookScenarios {
  @Override
  ServerUnderTest.Backend backend() {
    return ServerUnderTest.Backend.H2_IN_PROCESS;
  }
}
