package dev.gmbot.app.lambda.archfixture;

import dev.gmbot.app.server.archfixture.ServerSide;

/** A deliberate violation: the Lambda deployable reaching into the server's classes. */
public final class LambdaUsingTheServer {
  public String name() {
    return new ServerSide().name();
  }
}
