package dev.gmbot.app.server.archfixture;

/** Stands for any class of the server deployable, for the Lambda rule's violation fixture. */
public final class ServerSide {
  public String name() {
    return "server";
  }
}
