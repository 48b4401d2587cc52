package dev.gmbot.adapter.archtwo;

import dagger.Module;

/** A deliberate violation: an adapter that knows Dagger. */
@Module
public final class SecondAdapter {
  public String name() {
    return "second";
  }
}
