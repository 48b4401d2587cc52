package dev.gmbot.app.server.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentry.Breadcrumb;
import io.sentry.Hint;
import io.sentry.SentryEvent;
import io.sentry.protocol.Message;
import io.sentry.protocol.Request;
import io.sentry.protocol.SentryException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SentryScrubberTest {
  private static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
  private static final String SECRET = "s3cr3t";
  private final SentryScrubber scrubber = new SentryScrubber(List.of(TOKEN, SECRET, " "));

  @Test
  void theTokenItsSecretHalfAndTheSecretAreReplaced() {
    assertThat(scrubber.scrub("bot" + TOKEN + "/getMe")).isEqualTo("bot[redacted]/getMe");
    assertThat(scrubber.scrub("123456789%3AAAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"))
        .isEqualTo("123456789%3A[redacted]");
    assertThat(scrubber.scrub("secret=s3cr3t;")).isEqualTo("secret=[redacted];");
    assertThat(scrubber.scrub("nothing here")).isEqualTo("nothing here");
    assertThat(scrubber.scrub(null)).isNull();
  }

  @Test
  void everyTextOfAnEventIsScrubbed() {
    SentryEvent event = new SentryEvent();
    Message message = new Message();
    message.setMessage("token " + TOKEN);
    message.setFormatted("token " + TOKEN);
    message.setParams(List.of(SECRET));
    event.setMessage(message);
    SentryException exception = new SentryException();
    exception.setValue("failed with " + SECRET);
    event.setExceptions(List.of(exception));
    Breadcrumb crumb = new Breadcrumb("called bot" + TOKEN);
    crumb.setData("url", "https://api.telegram.org/bot" + TOKEN + "/getMe");
    event.setBreadcrumbs(List.of(crumb));
    Request request = new Request();
    request.setUrl("https://example.org/hook?s=" + SECRET);
    request.setQueryString("s=" + SECRET);
    request.setHeaders(Map.of("X-Telegram-Bot-Api-Secret-Token", SECRET));
    request.setData("{\"secret\":\"" + SECRET + "\"}");
    request.setCookies("c=" + SECRET);
    event.setRequest(request);
    event.setTag("where", SECRET);
    event.setExtra("token", TOKEN);

    SentryEvent clean = scrubber.execute(event, new Hint());

    assertThat(clean.getMessage().getMessage()).isEqualTo("token [redacted]");
    assertThat(clean.getMessage().getFormatted()).isEqualTo("token [redacted]");
    assertThat(clean.getMessage().getParams()).containsExactly("[redacted]");
    assertThat(clean.getExceptions().get(0).getValue()).isEqualTo("failed with [redacted]");
    assertThat(clean.getBreadcrumbs().get(0).getMessage()).isEqualTo("called bot[redacted]");
    assertThat(clean.getBreadcrumbs().get(0).getData("url"))
        .isEqualTo("https://api.telegram.org/bot[redacted]/getMe");
    assertThat(clean.getRequest().getUrl()).isEqualTo("https://example.org/hook?s=[redacted]");
    assertThat(clean.getRequest().getQueryString()).isEqualTo("s=[redacted]");
    assertThat(clean.getRequest().getHeaders())
        .containsEntry("X-Telegram-Bot-Api-Secret-Token", "[redacted]");
    assertThat(clean.getRequest().getData()).isEqualTo("{\"secret\":\"[redacted]\"}");
    assertThat(clean.getRequest().getCookies()).isEqualTo("c=[redacted]");
    assertThat(clean.getTag("where")).isEqualTo("[redacted]");
    assertThat(clean.getExtra("token")).isEqualTo("[redacted]");
  }
}
