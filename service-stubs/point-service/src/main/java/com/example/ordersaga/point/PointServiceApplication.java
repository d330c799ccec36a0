package com.example.ordersaga.point;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** point-service: user point balances, a saga participant of the order flow. */
@SpringBootApplication
public class PointServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(PointServiceApplication.class, args);
  }
}
