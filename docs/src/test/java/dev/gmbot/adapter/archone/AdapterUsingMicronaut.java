package dev.gmbot.adapter.archone;

import io.micronaut.http.HttpStatus;

/** A deliberate violation: an adapter that knows a Micronaut type. */
public final class AdapterUsingMicronaut {
  public int ok() {
    return HttpStatus.OK.getCode();
  }
}
