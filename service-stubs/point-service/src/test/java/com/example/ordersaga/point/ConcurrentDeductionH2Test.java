package com.example.ordersaga.point;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest
class ConcurrentDeductionH2Test extends ConcurrentDeductionContract {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> PointFixtures.h2Url("point-concurrency"));
  }
}
