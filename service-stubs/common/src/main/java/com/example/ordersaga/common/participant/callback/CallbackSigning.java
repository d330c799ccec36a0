package com.example.ordersaga.common.participant.callback;

import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.model.SagaDefinition;

/**
 * Declares a saga's compensation and completion endpoints together with the options that let {@link
 * CallbackAuthenticationFilter} authenticate the coordinator's callbacks to them: the step name and
 * a token signed for this LRA and these endpoints. Used by every route that joins an LRA, the
 * services' steps and the orchestrator's own saga alike.
 */
public class CallbackSigning {

  private final CallbackTokens tokens;

  public CallbackSigning(CallbackTokens tokens) {
    this.tokens = tokens;
  }

  /** {@code saga} with its callbacks set and signed, for any propagation. */
  public SagaDefinition signedCallbacks(
      SagaDefinition saga, String step, String compensation, String completion) {
    return saga.compensation(compensation)
        .completion(completion)
        .option(CallbackAuthenticationFilter.STEP_PARAMETER, stepName(step))
        .option(
            CallbackAuthenticationFilter.TOKEN_PARAMETER, tokenFor(step, compensation, completion));
  }

  private static Expression stepName(String step) {
    return new Expression() {
      @Override
      public <T> T evaluate(Exchange exchange, Class<T> type) {
        return type.cast(step);
      }
    };
  }

  private Expression tokenFor(String step, String compensation, String completion) {
    return new Expression() {
      @Override
      public <T> T evaluate(Exchange exchange, Class<T> type) {
        String lraId = exchange.getIn().getHeader(Exchange.SAGA_LONG_RUNNING_ACTION, String.class);
        // Signed as camel-lra writes them into the callback URL (normalised endpoint URIs).
        CallbackTokens.Endpoints endpoints =
            new CallbackTokens.Endpoints(
                exchange.getContext().getEndpoint(compensation).getEndpointUri(),
                exchange.getContext().getEndpoint(completion).getEndpointUri());
        return type.cast(tokens.sign(lraId, step, endpoints));
      }
    };
  }
}
