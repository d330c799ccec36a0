package com.example.ordersaga.routes.api;

import com.example.ordersaga.routes.saga.SagaDeadline;
import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * platform-http serves each request asynchronously, and the container's async timeout (30 s in
 * Tomcat) would cut a placement off before the saga answers it: under load a saga may use its whole
 * time limit, then one more step call and the compensation. The request waits for that.
 */
@Configuration(proxyBeanMethods = false)
public class RequestTimeoutConfiguration implements WebMvcConfigurer {

  /** One step call past the deadline (the HTTP response timeout), then cancelling the LRA. */
  private static final Duration AFTER_THE_DEADLINE = Duration.ofSeconds(60);

  private final SagaDeadline deadline;

  public RequestTimeoutConfiguration(SagaDeadline deadline) {
    this.deadline = deadline;
  }

  @Override
  public void configureAsyncSupport(AsyncSupportConfigurer async) {
    async.setDefaultTimeout(deadline.timeout().plus(AFTER_THE_DEADLINE).toMillis());
  }
}
