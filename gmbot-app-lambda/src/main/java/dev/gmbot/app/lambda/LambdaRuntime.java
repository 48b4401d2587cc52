package dev.gmbot.app.lambda;

/** The container's one graph (placeholder until the domain and adapters land). */
final class LambdaRuntime {
  private LambdaRuntime() {}

  static WebhookFunction function() {
    throw new UnsupportedOperationException("not wired yet");
  }
}
