package dev.gmbot.app.lambda.archfixture;

import io.micronaut.http.HttpStatus;

/** A deliberate violation: the Lambda deployable using a Micronaut type. */
public final class LambdaUsingMicronaut {
  public int ok() {
    return HttpStatus.OK.getCode();
  }
}
