package com.example.ordersaga.bench.saga;

import com.example.ordersaga.bench.BenchAbort;
import com.example.ordersaga.bench.load.OrderMix;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Gives the bench's users and products what the run needs through the dev profile's fixtures
 * (design.md §3: {@code PUT :8083/admin/points/{userId}}, {@code PUT :8084/admin/products/{id}}):
 * rich users that cannot run out of points, broke users (0 points) for the rejections, products
 * that cannot run out of stock. Its own ids ({@code bench-…}), so the seeded fixtures other tests
 * use stay untouched.
 */
final class StackFixtures {

  static final long RICH_BALANCE = 1_000_000_000_000L;
  static final long STOCK = 1_000_000_000L;

  private final HttpClient http;
  private final StackUrls urls;

  StackFixtures(HttpClient http, StackUrls urls) {
    this.http = http;
    this.urls = urls;
  }

  void prepare(OrderMix mix) throws IOException, InterruptedException, BenchAbort {
    for (int i = 1; i <= mix.users(); i++) {
      put(
          urls.pointService() + "/admin/points/" + OrderMix.USER_PREFIX + i,
          "{\"balance\":" + RICH_BALANCE + "}");
      put(
          urls.pointService() + "/admin/points/" + OrderMix.BROKE_USER_PREFIX + i,
          "{\"balance\":0}");
    }
    for (int i = 1; i <= mix.products(); i++) {
      put(
          urls.productService() + "/admin/products/" + OrderMix.PRODUCT_PREFIX + i,
          "{\"name\":\"Bench product "
              + i
              + "\",\"price\":"
              + OrderMix.PRICE
              + ",\"stock\":"
              + STOCK
              + "}");
    }
  }

  private void put(String url, String json) throws IOException, InterruptedException, BenchAbort {
    HttpResponse<String> response;
    try {
      response =
          http.send(
              HttpRequest.newBuilder(URI.create(url))
                  .timeout(Duration.ofSeconds(30))
                  .header("Content-Type", "application/json")
                  .PUT(HttpRequest.BodyPublishers.ofString(json))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new BenchAbort(2, "cannot prepare fixtures: " + url + " unreachable (" + e + ")");
    }
    if (response.statusCode() == 404) {
      throw new BenchAbort(
          2, url + " answered 404: the admin fixtures are off (profile prod?); run the dev stack");
    }
    if (response.statusCode() / 100 != 2) {
      throw new BenchAbort(
          2, url + " answered HTTP " + response.statusCode() + ": " + response.body());
    }
  }
}
