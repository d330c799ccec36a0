package com.example.ordersaga.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Nothing reaches a route before the Camel context runs; the actuator always answers. */
class NotStartedFilterTest {

  private final CamelContext camel = new DefaultCamelContext();

  @AfterEach
  void stop() {
    camel.stop();
  }

  @Test
  void aCallbackBeforeTheRoutesStartedGets503WithRetryAfter() throws Exception {
    MockFilterChain chain = new MockFilterChain();
    MockHttpServletResponse response = call("/lra-participant/compensate", chain);

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("1");
    assertThat(response.getContentAsString()).contains("\"error\":\"SERVICE_UNAVAILABLE\"");
    assertThat(chain.getRequest()).as("not passed on").isNull();
  }

  @Test
  void onceStartedEveryCallPasses() throws Exception {
    camel.start();
    MockFilterChain chain = new MockFilterChain();

    MockHttpServletResponse response = call("/lra-participant/compensate", chain);

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(chain.getRequest()).isNotNull();
  }

  @Test
  void theActuatorAnswersWhileStarting() throws Exception {
    MockFilterChain chain = new MockFilterChain();

    call("/actuator/health/readiness", chain);

    assertThat(chain.getRequest()).isNotNull();
  }

  private MockHttpServletResponse call(String uri, MockFilterChain chain) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("PUT", uri);
    MockHttpServletResponse response = new MockHttpServletResponse();
    new NotStartedFilter(camel, new ObjectMapper()).doFilter(request, response, chain);
    return response;
  }
}
