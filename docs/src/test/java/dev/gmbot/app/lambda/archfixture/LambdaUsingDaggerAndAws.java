package dev.gmbot.app.lambda.archfixture;

import com.amazonaws.services.lambda.runtime.Context;
import dagger.Module;

/** What the app rules accept: the Lambda deployable knows Dagger and AWS types. */
@Module
public final class LambdaUsingDaggerAndAws {
  public String requestId(Context context) {
    return context.getAwsRequestId();
  }
}
