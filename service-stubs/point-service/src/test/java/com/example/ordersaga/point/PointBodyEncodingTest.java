package com.example.ordersaga.point;

import com.example.ordersaga.common.json.testing.BodyEncodingContract;
import java.util.List;

/**
 * point-deduct and the balance fixture refuse bodies that are not UTF-8 and text UTF-8 cannot
 * carry.
 */
@PointServiceOnH2
class PointBodyEncodingTest extends BodyEncodingContract {

  @Override
  protected List<Endpoint> endpoints() {
    return List.of(
        new Endpoint(
            "POST", "/points/user-1/deductions", "{\"orderId\":\"@@\",\"points\":10}", "orderId"),
        new Endpoint("PUT", "/admin/points/user-1", "{\"balance\":5,\"note\":\"@@\"}", null));
  }

  @Override
  protected List<String> tables() {
    return List.of("point_account", "point_movement", "participant_ledger");
  }
}
