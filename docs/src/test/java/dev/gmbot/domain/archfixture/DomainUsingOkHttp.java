package dev.gmbot.domain.archfixture;

import okhttp3.OkHttpClient;

/** A deliberate violation: a domain class that reaches for an HTTP library. */
public final class DomainUsingOkHttp {
  public Object client() {
    return new OkHttpClient();
  }
}
