package com.example.ordersaga.routes.console;

import io.hawt.springboot.HawtioPlugin;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's ready connections: one to the Jolokia of every other deployable of {@code
 * ordersaga.urls}, so that the routes doing each step and its compensation in the services are one
 * click away from the orchestrator's Hawtio. Its plugin {@code ordersaga-connections.js} adds them
 * to the Connect tab when the console starts; a connection opens through Hawtio's proxy (allowed
 * hosts: {@code hawtio.proxyAllowlist}) and asks for the service's management login.
 *
 * <p>Not Hawtio's own preset connections ({@code /preset-connections}): on a fresh start the
 * console would connect to every one of them, opening a window each, and leave the orchestrator's
 * own routes.
 */
@RestController
class ServiceConnections {

  static final String JOLOKIA_PATH = "/actuator/jolokia";

  private final List<Connection> connections;

  ServiceConnections(Environment environment) {
    Map<String, String> urls =
        Binder.get(environment)
            .bind("ordersaga.urls", Bindable.mapOf(String.class, String.class))
            .orElse(Map.of());
    String self = environment.getRequiredProperty("spring.application.name");
    this.connections =
        urls.entrySet().stream()
            .filter(service -> !service.getKey().equals(self))
            .map(service -> Connection.to(service.getKey(), URI.create(service.getValue())))
            .sorted(Comparator.comparing(Connection::name))
            .toList();
  }

  @GetMapping(path = "/console/connections", produces = MediaType.APPLICATION_JSON_VALUE)
  List<Connection> connections() {
    return connections;
  }

  /** The plugin, loaded by Hawtio's front end from {@code /console/ordersaga-connections.js}. */
  @Bean
  static HawtioPlugin serviceConnectionsPlugin() {
    // (scope, module, url): the global the script defines, the module it serves, where it is.
    HawtioPlugin plugin = new HawtioPlugin("ordersagaConnections", "./plugin", "/console");
    plugin.setRemoteEntryFileName("ordersaga-connections.js");
    return plugin;
  }

  /** A connection as Hawtio's Connect tab stores it. */
  record Connection(String name, String scheme, String host, int port, String path) {

    static Connection to(String service, URI url) {
      int port = url.getPort() != -1 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
      return new Connection(service, url.getScheme(), url.getHost(), port, JOLOKIA_PATH);
    }
  }
}
