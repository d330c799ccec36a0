package com.example.ordersaga.product;

import com.example.ordersaga.common.json.testing.BodyEncodingContract;
import java.util.List;

/**
 * stock-deduct and the product fixture refuse bodies that are not UTF-8 and text UTF-8 cannot
 * carry.
 */
@ProductServiceOnH2
class ProductBodyEncodingTest extends BodyEncodingContract {

  @Override
  protected List<Endpoint> endpoints() {
    return List.of(
        new Endpoint(
            "POST",
            "/stock/deductions",
            "{\"orderId\":\"order-1\",\"items\":[{\"productId\":\"@@\",\"quantity\":1}]}",
            "items[0].productId"),
        new Endpoint(
            "PUT",
            "/admin/products/product-1",
            "{\"name\":\"@@\",\"price\":100,\"stock\":5}",
            "name"));
  }

  @Override
  protected List<String> tables() {
    return List.of("product", "stock_movement", "participant_ledger");
  }
}
