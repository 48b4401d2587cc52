package dev.gmbot.domain.archfixture;

import com.amazonaws.services.lambda.runtime.Context;

/** A deliberate violation: a domain class that knows an AWS Lambda type. */
public final class DomainUsingAws {
  public String requestId(Context context) {
    return context.getAwsRequestId();
  }
}
