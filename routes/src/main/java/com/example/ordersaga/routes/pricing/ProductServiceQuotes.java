package com.example.ordersaga.routes.pricing;

import com.example.ordersaga.common.tracing.SagaBaggage;
import com.example.ordersaga.routes.saga.SagaFailure;
import com.example.ordersaga.routes.saga.SagaStep;
import com.example.ordersaga.routes.saga.ServiceAnswers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/** Unit prices from product-service's read side ({@code GET /products/{id}}) over camel-http. */
public class ProductServiceQuotes implements OrderPricing.PriceQuotes {

  private final ProducerTemplate producer;
  private final String productServiceUrl;
  private final ObjectMapper json;

  public ProductServiceQuotes(
      ProducerTemplate producer, String productServiceUrl, ObjectMapper json) {
    this.producer = producer;
    this.productServiceUrl = productServiceUrl;
    this.json = json;
  }

  @Override
  public Map<String, Long> unitPrices(String orderId, List<String> productIds) {
    Map<String, Long> prices = new LinkedHashMap<>();
    for (String productId : productIds) {
      prices.put(productId, unitPrice(orderId, productId));
    }
    return prices;
  }

  private long unitPrice(String orderId, String productId) {
    // One endpoint for every product: the id travels in the path header, encoded as a segment,
    // so no id (however hostile) changes the URL's structure or adds an endpoint to Camel's cache.
    Exchange answer =
        producer.send(
            productServiceUrl + "?throwExceptionOnFailure=false",
            exchange -> {
              exchange.getIn().setHeader(Exchange.HTTP_METHOD, "GET");
              exchange
                  .getIn()
                  .setHeader(Exchange.HTTP_PATH, "/products/" + SagaStep.segment(productId));
              SagaBaggage.carry(exchange.getIn(), orderId, null);
            });
    if (answer.getException() != null) {
      throw SagaFailure.unavailable(OrderPricing.STEP, answer.getException().toString());
    }
    int status = answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
    String body = answer.getMessage().getBody(String.class);
    if (status == 404 && ServiceAnswers.isContractNotFound(body, json)) {
      throw SagaFailure.rejected(
          OrderPricing.STEP, "UNKNOWN_PRODUCT", "unknown product " + productId);
    }
    if (status == 404 || status == 503) {
      // A 404 without the service's own body: product-service is starting (its web server
      // answers before its routes exist), not saying the product is unknown.
      throw SagaFailure.unavailable(OrderPricing.STEP, "product-service answered " + status);
    }
    if (status != 200) {
      throw SagaFailure.failed(OrderPricing.STEP, "product-service answered " + status);
    }
    try {
      JsonNode product = json.readTree(body);
      return product.path("price").asLong();
    } catch (IOException e) {
      throw SagaFailure.failed(OrderPricing.STEP, "unreadable product: " + e.getMessage());
    }
  }
}
