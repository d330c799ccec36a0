package com.example.ordersaga.product.api;

import com.example.ordersaga.common.participant.ParticipantRouteBuilder;
import com.example.ordersaga.common.participant.ParticipantRouting;
import com.example.ordersaga.product.domain.Product;
import com.example.ordersaga.product.domain.ProductStock;
import com.example.ordersaga.product.domain.StockDeduction;
import com.example.ordersaga.product.domain.StockMovement;
import org.apache.camel.Exchange;
import org.apache.camel.model.rest.RestBindingMode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** REST API of product-service and its saga step (stock deduction, compensated by a restore). */
@Component
public class ProductRoutes extends ParticipantRouteBuilder {

  private static final String PRODUCT_ID = "productId";

  private final StockParticipant participant;
  private final ProductStock stock;
  private final boolean adminEnabled;

  public ProductRoutes(
      ParticipantRouting routing,
      StockParticipant participant,
      ProductStock stock,
      @Value("${ordersaga.admin.enabled}") boolean adminEnabled) {
    super(routing);
    this.participant = participant;
    this.stock = stock;
    this.adminEnabled = adminEnabled;
  }

  @Override
  public void configure() {
    participantDefaults();

    rest("/products")
        .get()
        .id("rest-product-list")
        .outType(Product[].class)
        .bindingMode(RestBindingMode.json)
        .to("direct:product-list")
        .get("/{productId}")
        .id("rest-product-find")
        .outType(Product.class)
        .bindingMode(RestBindingMode.json)
        .to("direct:product-find");
    rest("/movements")
        .get()
        .id("rest-stock-movements")
        .outType(StockMovement[].class)
        .bindingMode(RestBindingMode.json)
        .to("direct:stock-movements");
    rest("/stock")
        .post("/deductions")
        .id("rest-stock-deduct")
        .type(DeductStockRequest.class)
        .outType(StockDeduction.class)
        .bindingMode(RestBindingMode.json)
        .to("direct:" + StockParticipant.STEP);

    from("direct:product-find")
        .routeId("product-find")
        .setBody(exchange -> stock.product(headerOf(exchange, PRODUCT_ID)));

    from("direct:product-list").routeId("product-list").setBody(exchange -> stock.products());

    from("direct:stock-movements")
        .routeId("stock-movements")
        .setBody(exchange -> stock.movements());

    joinSaga(StockParticipant.STEP, "direct:stock-restore", null).setBody(this::deduct);

    from("direct:stock-restore")
        .routeId("stock-restore")
        .process(exchange -> participant.restore(lraId(exchange)));

    if (adminEnabled) {
      rest("/admin/products")
          .put("/{productId}")
          .id("rest-product-admin-set")
          .type(SetProductRequest.class)
          .outType(Product.class)
          .bindingMode(RestBindingMode.json)
          .to("direct:product-admin-set");
      from("direct:product-admin-set")
          .routeId("product-admin-set")
          .process(this::validateBody)
          .setBody(this::setProduct);
    }
  }

  private StockDeduction deduct(Exchange exchange) {
    return participant.deduct(
        lraId(exchange), bodyOf(exchange, DeductStockRequest.class), simulatedFailure(exchange));
  }

  private Product setProduct(Exchange exchange) {
    SetProductRequest product = bodyOf(exchange, SetProductRequest.class);
    return stock.setProduct(
        headerOf(exchange, PRODUCT_ID), product.name(), product.price(), product.stock());
  }
}
