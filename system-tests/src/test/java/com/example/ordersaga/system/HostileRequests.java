package com.example.ordersaga.system;

import com.example.ordersaga.common.json.testing.HostileTexts;
import com.example.ordersaga.common.json.testing.RawJson;
import java.util.ArrayList;
import java.util.List;

/**
 * A corpus of malformed or hostile {@code POST /api/orders} requests: wrong types and missing
 * fields for every field, numbers out of range or out of any range, oversized and deeply nested
 * bodies, odd Unicode, SQL-looking strings, wrong content types, duplicate keys; and, as raw bytes
 * to the orchestrator and to every service endpoint that reads a JSON body, text encodings that are
 * not UTF-8 or carry what UTF-8 cannot ({@link HostileTexts}). Every one must be answered 4xx with
 * the contract's body, never 5xx, and none may start a saga or write a row.
 */
final class HostileRequests {

  /** Where a request goes: the deployable's port variable (run.sh), the method and the path. */
  record Target(String portVariable, String method, String path) {}

  /**
   * One request: a name for the report, where it goes, its Content-Type and body (bytes, which a
   * Java String could not hold when they are not UTF-8). {@code status}: the one answer the
   * contract gives, or null where any 4xx refusal fits.
   */
  record Hostile(String name, Target target, String contentType, byte[] body, Integer status) {
    Hostile(String name, String contentType, String body) {
      this(name, ORDERS, contentType, RawJson.utf8(body), null);
    }

    Hostile(String name, String contentType, String body, Integer status) {
      this(name, ORDERS, contentType, RawJson.utf8(body), status);
    }
  }

  static final Target ORDERS = new Target("ORCHESTRATOR_PORT", "POST", "/api/orders");

  /**
   * A service's saga step wants an LRA id ({@code Exchange.SAGA_LONG_RUNNING_ACTION}; no Camel on
   * this class path): every request carries one, where nothing listens, so only its body is wrong.
   */
  static final String LRA_HEADER = "Long-Running-Action";

  static final String NO_LRA = "http://localhost:1/lra-coordinator/hostile";

  /** Every service endpoint that reads a JSON body, a valid body with a text field to spoil. */
  private static final List<Spoiled> SERVICE_BODIES =
      List.of(
          new Spoiled(
              new Target("ORDER_SERVICE_PORT", "POST", "/orders"),
              "{\"orderId\":\"hostile-order\",\"userId\":\"@@\",\"items\":[{\"productId\":"
                  + "\"product-1\",\"quantity\":1,\"unitPrice\":1000}],\"totalAmount\":1000,"
                  + "\"pointsUsed\":0,\"paidAmount\":1000,\"paymentMethod\":\"CARD\"}",
              "userId"),
          new Spoiled(
              new Target("PAYMENT_SERVICE_PORT", "POST", "/payments/validations"),
              payment(),
              "userId"),
          new Spoiled(new Target("PAYMENT_SERVICE_PORT", "POST", "/payments"), payment(), "userId"),
          new Spoiled(
              new Target("POINT_SERVICE_PORT", "POST", "/points/user-1/deductions"),
              "{\"orderId\":\"@@\",\"points\":10}",
              "orderId"),
          new Spoiled(
              new Target("POINT_SERVICE_PORT", "PUT", "/admin/points/hostile-user"),
              "{\"balance\":5,\"note\":\"@@\"}",
              null),
          new Spoiled(
              new Target("PRODUCT_SERVICE_PORT", "POST", "/stock/deductions"),
              "{\"orderId\":\"hostile-order\",\"items\":[{\"productId\":\"@@\",\"quantity\":1}]}",
              "items[0].productId"),
          new Spoiled(
              new Target("PRODUCT_SERVICE_PORT", "PUT", "/admin/products/hostile-product"),
              "{\"name\":\"@@\",\"price\":100,\"stock\":5}",
              "name"));

  /**
   * A body template with {@link RawJson#HOLE} in the text value of {@code field}, or in an ignored
   * property (null field: only the bytes that are not UTF-8 apply).
   */
  private record Spoiled(Target target, String template, String field) {}

  private static final String JSON = "application/json";
  private static final String ITEM = "{\"productId\":\"product-1\",\"quantity\":1}";

  private HostileRequests() {}

  static List<Hostile> corpus() {
    List<Hostile> corpus = new ArrayList<>();
    List<String> wrongValues =
        List.of(
            "null",
            "true",
            "false",
            "0",
            "-1",
            "1.5",
            "1e309",
            "\"\"",
            "\" \"",
            "[]",
            "{}",
            "[1,2]",
            "{\"a\":1}",
            "\"\\u0000\"",
            "99999999999999999999999999",
            "\"1\"",
            "1E2",
            "0x10",
            "-",
            "\"\\t\"");
    for (String value : wrongValues) {
      if (!value.equals("\"1\"")) { // the text "1" is a well-formed (unknown) user id
        corpus.add(
            json("userId=" + value, order("\"userId\":" + value, items(ITEM), "0", "\"CARD\"")));
      }
      corpus.add(json("items=" + value, order(user(), "\"items\":" + value, "0", "\"CARD\"")));
      corpus.add(
          json(
              "quantity=" + value,
              order(
                  user(),
                  items("{\"productId\":\"product-1\",\"quantity\":" + value + "}"),
                  "0",
                  "\"CARD\"")));
      corpus.add(
          json(
              "productId=" + value,
              order(
                  user(), items("{\"productId\":" + value + ",\"quantity\":1}"), "0", "\"CARD\"")));
      if (!List.of("null", "0").contains(value)) { // those two are valid: no points
        corpus.add(json("pointsToUse=" + value, order(user(), items(ITEM), value, "\"CARD\"")));
      }
      corpus.add(json("paymentMethod=" + value, order(user(), items(ITEM), "0", value)));
      corpus.add(
          json("item=" + value, order(user(), "\"items\":[" + value + "]", "0", "\"CARD\"")));
    }
    // Missing fields, one at a time.
    corpus.add(json("no userId", "{" + items(ITEM) + ",\"paymentMethod\":\"CARD\"}"));
    corpus.add(json("no items", "{" + user() + ",\"paymentMethod\":\"CARD\"}"));
    corpus.add(json("no paymentMethod", "{" + user() + "," + items(ITEM) + "}"));
    corpus.add(
        json(
            "no quantity", order(user(), items("{\"productId\":\"product-1\"}"), "0", "\"CARD\"")));
    corpus.add(json("no productId", order(user(), items("{\"quantity\":1}"), "0", "\"CARD\"")));
    // Out of range.
    for (String quantity : List.of("0", "-5", "1001", "2147483647", "2147483648", "-2147483649")) {
      corpus.add(
          json(
              "quantity " + quantity,
              order(
                  user(),
                  items("{\"productId\":\"product-1\",\"quantity\":" + quantity + "}"),
                  "0",
                  "\"CARD\"")));
    }
    for (String points :
        List.of(
            "-1", "1001", "9223372036854775807", "9223372036854775808", "-9223372036854775809")) {
      corpus.add(json("pointsToUse " + points, order(user(), items(ITEM), points, "\"CARD\"")));
    }
    corpus.add(
        json("POINTS_ONLY short of the total", order(user(), items(ITEM), "1", "\"POINTS_ONLY\"")));
    corpus.add(json("51 items", order(user(), items(repeat(ITEM, 51)), "0", "\"CARD\"")));
    corpus.add(json("empty items", order(user(), "\"items\":[]", "0", "\"CARD\"")));
    corpus.add(
        json(
            "userId of 65",
            order("\"userId\":\"" + "u".repeat(65) + "\"", items(ITEM), "0", "\"CARD\"")));
    corpus.add(
        json(
            "productId of 65",
            order(
                user(),
                items("{\"productId\":\"" + "p".repeat(65) + "\",\"quantity\":1}"),
                "0",
                "\"CARD\"")));
    for (String method : List.of("\"CASH\"", "\"card\"", "\"CARD \"", "\"\"", "\"POINTS\"")) {
      corpus.add(json("paymentMethod " + method, order(user(), items(ITEM), "0", method)));
    }
    // Oversized and deeply nested.
    corpus.add(
        json(
            "1 MB userId",
            order("\"userId\":\"" + "x".repeat(1 << 20) + "\"", items(ITEM), "0", "\"CARD\"")));
    corpus.add(json("1 MB of items", order(user(), items(repeat(ITEM, 30_000)), "0", "\"CARD\"")));
    corpus.add(json("1 MB of whitespace then nothing", " ".repeat(1 << 20)));
    corpus.add(json("nested 10000 deep", "[".repeat(10_000) + "]".repeat(10_000)));
    corpus.add(json("nested objects 5000 deep", "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)));
    corpus.add(
        json(
            "nested in userId",
            order(
                "\"userId\":" + "[".repeat(2_000) + "]".repeat(2_000),
                items(ITEM),
                "0",
                "\"CARD\"")));
    // Not JSON, or not only JSON.
    for (String body :
        List.of(
            "",
            " ",
            "{",
            "}",
            "[",
            "null",
            "true",
            "42",
            "\"order\"",
            "[]",
            "{\"userId\":\"user-1\"",
            "{'userId':'user-1'}",
            "{userId:\"user-1\"}",
            "{\"userId\":\"user-1\",}",
            "{\"userId\":\"user-1\"}{}",
            "\u0000",
            "\uFEFF{}",
            "<order><userId>user-1</userId></order>",
            "userId=user-1&quantity=1",
            "{\"userId\":\"user-1\" /* comment */}",
            "{\"userId\":NaN}",
            "{\"userId\":Infinity}")) {
      corpus.add(json("not a JSON order: " + abbreviate(body), body));
    }
    // Duplicate keys.
    corpus.add(
        json(
            "duplicate userId",
            "{" + user() + "," + user() + "," + items(ITEM) + ",\"paymentMethod\":\"CARD\"}"));
    corpus.add(
        json(
            "duplicate quantity",
            order(
                user(),
                items("{\"productId\":\"product-1\",\"quantity\":1,\"quantity\":1000}"),
                "0",
                "\"CARD\"")));
    corpus.add(
        json(
            "duplicate paymentMethod",
            "{"
                + user()
                + ","
                + items(ITEM)
                + ",\"paymentMethod\":\"CARD\",\"paymentMethod\":\"CASH\"}"));
    // Odd Unicode and SQL-looking product ids: valid JSON, refused before any saga starts.
    for (String id :
        List.of(
            "'; DROP TABLE product; --",
            "product-1' OR '1'='1",
            "product-1\" OR 1=1 --",
            "../../etc/passwd",
            "%00",
            "\u202Eproduct-1",
            "product-1\u0000",
            "\uD83D\uDE00",
            "p\u0301roduct",
            "ＰＲＯＤＵＣＴ-1",
            "product-1;SELECT pg_sleep(5)",
            "${jndi:ldap://127.0.0.1/x}",
            "#{1+1}",
            "<script>alert(1)</script>")) {
      corpus.add(
          json(
              "productId " + abbreviate(id),
              order(
                  user(),
                  items("{\"productId\":" + quote(id) + ",\"quantity\":1}"),
                  "0",
                  "\"CARD\"")));
    }
    corpus.add(
        json(
            "productId a lone surrogate",
            order(user(), items("{\"productId\":\"\\ud800\",\"quantity\":1}"), "0", "\"CARD\"")));
    corpus.add(
        json(
            "userId with a NUL",
            order("\"userId\":\"user-1\\u0000\"", items(ITEM), "0", "\"CARD\"")));
    corpus.add(
        json(
            "userId with a newline",
            order("\"userId\":\"user-1\\n\"", items(ITEM), "0", "\"CARD\"")));
    // Wrong content types, with a valid body.
    String valid = order(user(), items(ITEM), "0", "\"CARD\"");
    for (String type :
        List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/octet-stream",
            "text/json;charset=utf-8x",
            "application",
            "*/*;;",
            "application/jsonx")) {
      corpus.add(new Hostile("Content-Type " + type, type, valid, 415));
    }
    corpus.add(new Hostile("no Content-Type", null, valid, 415));
    corpus.add(new Hostile("charset ISO-8859-1", JSON + "; charset=ISO-8859-1", valid, 415));
    // Text encodings, as bytes: in the orchestrator's order and in every service's body.
    corpus.addAll(
        encodings(ORDERS, order("\"userId\":\"@@\"", items(ITEM), "0", "\"CARD\""), "userId"));
    corpus.addAll(
        encodings(
            ORDERS,
            order(user(), items("{\"productId\":\"@@\",\"quantity\":1}"), "0", "\"CARD\""),
            "productId"));
    corpus.add(
        new Hostile(
            "the issue's own: userId FF FE, no items",
            ORDERS,
            JSON,
            RawJson.fill("{\"userId\":\"@@\",\"items\":[]}", RawJson.bytes(0xFF, 0xFE)),
            400));
    corpus.add(
        new Hostile(
            "a BOM before an invalid order",
            ORDERS,
            JSON,
            RawJson.concat(
                HostileTexts.BOM, RawJson.utf8(order(user(), "\"items\":[]", "0", "\"CARD\""))),
            400));
    for (Spoiled spoiled : SERVICE_BODIES) {
      corpus.addAll(encodings(spoiled.target(), spoiled.template(), spoiled.field()));
    }
    return corpus;
  }

  /** Every hostile text encoding in {@code template}'s hole, each to be answered 400. */
  private static List<Hostile> encodings(Target target, String template, String field) {
    return HostileTexts.in(template, field == null ? "an ignored property" : field).stream()
        .filter(hostile -> field != null || hostile.field().equals("body"))
        .map(
            hostile ->
                new Hostile(
                    target.method() + " " + target.path() + ": " + hostile.name(),
                    target,
                    JSON,
                    hostile.body(),
                    400))
        .toList();
  }

  private static String payment() {
    return "{\"orderId\":\"hostile-order\",\"userId\":\"@@\",\"paymentMethod\":\"CARD\","
        + "\"totalAmount\":1000,\"pointsUsed\":0,\"paidAmount\":1000}";
  }

  private static Hostile json(String name, String body) {
    return new Hostile(name, JSON, body);
  }

  private static String order(String user, String items, String points, String method) {
    return "{"
        + user
        + ","
        + items
        + ",\"pointsToUse\":"
        + points
        + ",\"paymentMethod\":"
        + method
        + "}";
  }

  private static String user() {
    return "\"userId\":\"user-1\"";
  }

  private static String items(String inside) {
    return "\"items\":[" + inside + "]";
  }

  private static String repeat(String element, int times) {
    return String.join(",", java.util.Collections.nCopies(times, element));
  }

  private static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        quoted.append('\\').append(c);
      } else if (c < 0x20) {
        quoted.append(String.format("\\u%04x", (int) c));
      } else {
        quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }

  private static String abbreviate(String text) {
    String printable = text.replaceAll("\\p{Cntrl}", "?");
    return printable.length() <= 30 ? printable : printable.substring(0, 30) + "…";
  }
}
