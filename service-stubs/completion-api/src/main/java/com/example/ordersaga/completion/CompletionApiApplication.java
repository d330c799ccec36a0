package com.example.ordersaga.completion;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * completion-api: a stand-in for the partner's completion API that the orchestrator calls once an
 * order completed (saga step 7). Not a saga participant.
 */
@SpringBootApplication
public class CompletionApiApplication {

  public static void main(String[] args) {
    SpringApplication.run(CompletionApiApplication.class, args);
  }
}
