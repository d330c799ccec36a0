package com.example.ordersaga.completion;

import static com.example.ordersaga.completion.CompletionFixtures.failNextCalls;
import static com.example.ordersaga.completion.CompletionFixtures.newOrderId;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.ordersaga.completion.domain.Behaviour;
import com.example.ordersaga.completion.domain.BehaviourSwitch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/** Profile prod sets ordersaga.admin.enabled=false: no behaviour switch, the API itself serves. */
@CompletionApiOnH2
@ActiveProfiles("prod")
@TestPropertySource(
    properties = {
      "SAGA_CALLBACK_SECRET=a-production-grade-secret",
      "HAWTIO_PASSWORD=a-production-grade-console-password"
    })
class CompletionApiProdProfileTest {

  @Autowired TestRestTemplate http;
  @Autowired BehaviourSwitch behaviour;

  @Value("${ordersaga.admin.enabled}")
  boolean adminEnabled;

  @Test
  void adminEndpointsAreAbsentWhenAdminIsDisabled() {
    CompletionApiClient partner = new CompletionApiClient(http);

    assertThat(adminEnabled).isFalse();
    assertThat(partner.setBehaviour(failNextCalls(1, 503)).getStatusCode().value()).isEqualTo(404);
    assertThat(partner.behaviour().getStatusCode().value()).isEqualTo(404);
    assertThat(behaviour.current()).isEqualTo(Behaviour.NORMAL);
    assertThat(partner.complete(newOrderId()).getStatusCode().value()).isEqualTo(201);
  }
}
