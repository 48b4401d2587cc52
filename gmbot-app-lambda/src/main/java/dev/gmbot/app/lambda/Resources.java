package dev.gmbot.app.lambda;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What holds connections or threads in the graph, closed in reverse order of creation. Lambda never
 * closes a container's graph (the container is frozen, then discarded); tests and the benchmark
 * harness do.
 */
public final class Resources implements AutoCloseable {
  private final List<AutoCloseable> opened;

  Resources(List<AutoCloseable> opened) {
    this.opened = List.copyOf(opened);
  }

  @Override
  public void close() {
    List<AutoCloseable> reversed = new ArrayList<>(opened);
    Collections.reverse(reversed);
    RuntimeException failure = null;
    for (AutoCloseable c : reversed) {
      try {
        c.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("closing the graph failed", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
