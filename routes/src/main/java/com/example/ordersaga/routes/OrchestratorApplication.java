package com.example.ordersaga.routes;

import com.example.ordersaga.common.participant.ParticipantAutoConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The orchestrator: places orders as sagas over the four domain services. It runs no step itself,
 * so it takes none of the participants' machinery (ledger, fault injection).
 */
@SpringBootApplication(exclude = ParticipantAutoConfiguration.class)
public class OrchestratorApplication {

  public static void main(String[] args) {
    SpringApplication.run(OrchestratorApplication.class, args);
  }
}
