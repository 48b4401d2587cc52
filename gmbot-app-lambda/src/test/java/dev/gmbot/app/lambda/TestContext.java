package dev.gmbot.app.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** A Lambda {@link Context} as the runtime passes it, with a logger that keeps its lines. */
public final class TestContext implements Context {
  private final String requestId = UUID.randomUUID().toString();
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final int remainingMillis;

  public TestContext() {
    this(30_000);
  }

  /** An invocation with this much of its time limit left (a short scheduled run). */
  public TestContext(int remainingMillis) {
    this.remainingMillis = remainingMillis;
  }

  public List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/gmbot-webhook";
  }

  @Override
  public String getLogStreamName() {
    return "2026/11/23/[$LATEST]0123456789abcdef";
  }

  @Override
  public String getFunctionName() {
    return "gmbot-webhook";
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:eu-central-1:123456789012:function:gmbot-webhook";
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return remainingMillis;
  }

  @Override
  public int getMemoryLimitInMB() {
    return 1024;
  }

  @Override
  public LambdaLogger getLogger() {
    return new LambdaLogger() {
      @Override
      public void log(String message) {
        lines.add(message);
      }

      @Override
      public void log(byte[] message) {
        lines.add(new String(message, StandardCharsets.UTF_8));
      }
    };
  }
}
