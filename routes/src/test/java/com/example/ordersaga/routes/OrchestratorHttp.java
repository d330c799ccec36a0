package com.example.ordersaga.routes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** GET requests to an in-process orchestrator, as a script calls it (basic auth when given). */
public final class OrchestratorHttp {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private OrchestratorHttp() {}

  public static HttpResponse<String> get(int port, String path, String basicCredentials)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    if (basicCredentials != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(basicCredentials.getBytes(StandardCharsets.UTF_8)));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
