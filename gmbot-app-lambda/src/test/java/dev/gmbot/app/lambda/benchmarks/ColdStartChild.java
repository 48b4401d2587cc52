package dev.gmbot.app.lambda.benchmarks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.gmbot.app.lambda.FunctionUrlHandler;
import dev.gmbot.app.lambda.LambdaEvents;
import dev.gmbot.app.lambda.LambdaEvents.Kind;
import dev.gmbot.app.lambda.TestContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One Lambda container in a fresh JVM, as the runtime drives it: the handler is created with its
 * no-argument constructor (the graph is built from the environment, in static initialisation), then
 * each update arrives as Function URL event JSON through the runtime's serializer.
 *
 * <p>Arguments: the launch instant (taken by the parent just before starting this JVM) and a file
 * with one Update JSON per line. Prints one line: {@code RESULT init=<µs> first=<µs>
 * warm=<µs>,<µs>,… replied=<0|1>,…}.
 */
public final class ColdStartChild {
  private ColdStartChild() {}

  public static void main(String[] args) throws Exception {
    Instant launched = Instant.parse(args[0]);
    List<String> updates = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
    String secret = System.getenv("WEBHOOK_SECRET");

    FunctionUrlHandler handler = new FunctionUrlHandler();
    Instant initialised = Instant.now();
    APIGatewayV2HTTPResponse first = invoke(handler, updates.get(0), secret);
    Instant firstHandled = Instant.now();
    check(first);

    List<Long> warm = new ArrayList<>();
    List<Integer> replied = new ArrayList<>();
    for (String update : updates.subList(1, updates.size())) {
      long start = System.nanoTime();
      APIGatewayV2HTTPResponse response = invoke(handler, update, secret);
      warm.add((System.nanoTime() - start) / 1_000);
      check(response);
      replied.add(response.getBody() == null || response.getBody().isEmpty() ? 0 : 1);
    }
    System.out.println(
        "RESULT init="
            + Duration.between(launched, initialised).toNanos() / 1_000
            + " first="
            + Duration.between(launched, firstHandled).toNanos() / 1_000
            + " warm="
            + String.join(",", warm.stream().map(String::valueOf).toList())
            + " replied="
            + String.join(",", replied.stream().map(String::valueOf).toList()));
    System.exit(0);
  }

  /** Event JSON -> event object (the runtime's serializer) -> handler. */
  private static APIGatewayV2HTTPResponse invoke(
      FunctionUrlHandler handler, String update, String secret) {
    String json =
        LambdaEvents.withSecret(LambdaEvents.withBody(Kind.FUNCTION_URL_V2, update), secret);
    APIGatewayV2HTTPEvent event = LambdaEvents.v2(json);
    return handler.handleRequest(event, new TestContext());
  }

  private static void check(APIGatewayV2HTTPResponse response) {
    if (response.getStatusCode() != 200) {
      throw new IllegalStateException(
          "the handler answered " + response.getStatusCode() + ": " + response.getBody());
    }
  }
}
