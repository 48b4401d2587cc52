package dev.gmbot.app.lambda.errors;

import io.sentry.Breadcrumb;
import io.sentry.Hint;
import io.sentry.SentryEvent;
import io.sentry.SentryOptions;
import io.sentry.protocol.Message;
import io.sentry.protocol.Request;
import io.sentry.protocol.SentryException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Removes the bot token and the webhook secret from everything an event carries before it leaves
 * the process: the message, the exceptions' messages, breadcrumbs, request data, tags and extras. A
 * token's secret half ({@code 123456:<this part>}) is removed on its own too, since a URL may carry
 * it encoded.
 */
final class SentryScrubber
    implements SentryOptions.BeforeSendCallback, SentryOptions.BeforeBreadcrumbCallback {
  static final String REDACTED = "[redacted]";

  private final List<String> secrets;

  /**
   * @param secrets the values to remove (blank ones are ignored)
   */
  SentryScrubber(List<String> secrets) {
    List<String> all = new ArrayList<>();
    for (String secret : secrets) {
      if (secret == null || secret.isBlank()) {
        continue;
      }
      all.add(secret);
      int colon = secret.indexOf(':');
      if (colon > 0 && secret.length() - colon - 1 >= 16) {
        all.add(secret.substring(colon + 1));
      }
    }
    all.sort(Comparator.comparingInt(String::length).reversed()); // the whole before its part
    this.secrets = List.copyOf(all);
  }

  /** The text without any secret. */
  String scrub(String text) {
    if (text == null) {
      return null;
    }
    String clean = text;
    for (String secret : secrets) {
      clean = clean.replace(secret, REDACTED);
    }
    return clean;
  }

  @Override
  public SentryEvent execute(SentryEvent event, Hint hint) {
    Message message = event.getMessage();
    if (message != null) {
      message.setMessage(scrub(message.getMessage()));
      message.setFormatted(scrub(message.getFormatted()));
      if (message.getParams() != null) {
        message.setParams(message.getParams().stream().map(this::scrub).toList());
      }
    }
    if (event.getExceptions() != null) {
      for (SentryException exception : event.getExceptions()) {
        exception.setValue(scrub(exception.getValue()));
      }
    }
    if (event.getBreadcrumbs() != null) {
      event.getBreadcrumbs().forEach(b -> execute(b, hint));
    }
    Request request = event.getRequest();
    if (request != null) {
      request.setUrl(scrub(request.getUrl()));
      request.setQueryString(scrub(request.getQueryString()));
      request.setCookies(scrub(request.getCookies()));
      request.setHeaders(scrubbed(request.getHeaders()));
      request.setEnvs(scrubbed(request.getEnvs()));
      request.setOthers(scrubbed(request.getOthers()));
      if (request.getData() != null) {
        request.setData(scrub(String.valueOf(request.getData())));
      }
    }
    if (event.getTags() != null) {
      event.setTags(scrubbed(event.getTags()));
    }
    if (event.getExtras() != null) {
      Map<String, Object> extras = new LinkedHashMap<>();
      event.getExtras().forEach((k, v) -> extras.put(k, v == null ? null : scrub(v.toString())));
      event.setExtras(extras);
    }
    event.setTransaction(scrub(event.getTransaction()));
    event.setLogger(scrub(event.getLogger()));
    return event;
  }

  @Override
  public Breadcrumb execute(Breadcrumb breadcrumb, Hint hint) {
    breadcrumb.setMessage(scrub(breadcrumb.getMessage()));
    breadcrumb.setCategory(scrub(breadcrumb.getCategory()));
    Map<String, Object> data = breadcrumb.getData();
    for (Map.Entry<String, Object> entry : List.copyOf(data.entrySet())) {
      if (entry.getValue() != null) {
        breadcrumb.setData(entry.getKey(), scrub(entry.getValue().toString()));
      }
    }
    return breadcrumb;
  }

  private Map<String, String> scrubbed(Map<String, String> values) {
    if (values == null) {
      return null;
    }
    Map<String, String> clean = new LinkedHashMap<>();
    values.forEach((k, v) -> clean.put(scrub(k), scrub(v)));
    return clean;
  }

  @Override
  public String toString() {
    return "SentryScrubber[" + secrets.size() + " secrets]";
  }
}
