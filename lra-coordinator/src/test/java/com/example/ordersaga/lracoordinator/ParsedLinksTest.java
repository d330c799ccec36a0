package com.example.ordersaga.lracoordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.core.Link;
import java.util.List;
import org.jboss.resteasy.plugins.delegates.LinkDelegate;
import org.jboss.resteasy.specimpl.LinkBuilderImpl;
import org.jboss.resteasy.spi.ResteasyProviderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The coordinator's one-pass Link parser reads every link as RESTEasy's does. */
class ParsedLinksTest {

  /** What camel-lra sends on a join (one link of its Link header each), and variations. */
  static List<String> plainLinks() {
    String participant =
        "http://localhost:8083/lra-participant/compensate?Camel-Saga-Compensate=direct%3A%2F%2F"
            + "point-refund&Camel-Saga-Token=eyJzIjoicG9pbnQifQ.c2lnbmF0dXJl&orderTrace=00-4bf92f35"
            + "77b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    return List.of(
        "<" + participant + ">; rel=\"compensate\"; title=\"compensate URI\"; type=\"text/plain\"",
        "<" + participant.replace("compensate", "complete") + ">; rel=\"complete\"",
        "  <http://localhost:8080/lra-participant/status>;rel=status;type=\"text/plain\"  ",
        "<http://[::1]:8090/lra-coordinator/0_ffff7f000001_a549_6b130f01_ad>; rel=\"after\"",
        "<http://localhost:8081/after>; rel=\"after complete\"; title=\"two rels\"",
        "<https://orders.example/forget?x=1#frag>",
        "<http://localhost:8084/leave>; rel=\"leave\"; title=\"\"");
  }

  @ParameterizedTest
  @MethodSource("plainLinks")
  void readsAPlainLinkInOnePassAsResteasyDoes(String value) {
    Link resteasy = LinkDelegate.INSTANCE.fromString(value);

    ParsedLink ours = ParsedLinks.parse(value);

    assertThat(ours).as("parsed here, not handed on").isNotNull();
    assertThat(ours.getUri()).isEqualTo(resteasy.getUri());
    assertThat(ours.getUri().toString()).isEqualTo(resteasy.getUri().toString());
    assertThat(ours.getParams()).isEqualTo(resteasy.getParams());
    assertThat(ours.getRel()).isEqualTo(resteasy.getRel());
    assertThat(ours.getRels()).isEqualTo(resteasy.getRels());
    assertThat(ours.getTitle()).isEqualTo(resteasy.getTitle());
    assertThat(ours.getType()).isEqualTo(resteasy.getType());
    assertThat(ours.toString()).isEqualTo(resteasy.toString());
    assertThat(ours).isEqualTo(resteasy);
  }

  /** Templates, escapes, repeated or bare parameters: RESTEasy's parser decides. */
  static List<String> unusualLinks() {
    return List.of(
        "<http://localhost:8083/orders/{id}>; rel=\"self\"",
        "<http://localhost:8083/x>; title=\"a \\\"quoted\\\" title\"",
        "<http://localhost:8083/x>; rel=\"a\"; rel=\"b\"",
        "<http://localhost:8083/x>; rel",
        "<http://localhost:8083/x> trailing",
        "<http://localhost:8083/a b>; rel=\"space\"");
  }

  @ParameterizedTest
  @MethodSource("unusualLinks")
  void leavesAnUnusualLinkToResteasy(String value) {
    assertThat(ParsedLinks.parse(value)).isNull();
    Link resteasy;
    try {
      resteasy = new LinkBuilderImpl().link(value).build();
    } catch (RuntimeException refused) {
      assertThatThrownBy(() -> new ParsedLinkBuilder().link(value).build())
          .isInstanceOf(refused.getClass());
      return;
    }
    Link ours = new ParsedLinkBuilder().link(value).build();
    assertThat(ours).isNotInstanceOf(ParsedLink.class);
    assertThat(ours.toString()).isEqualTo(resteasy.toString());
  }

  @Test
  void aLinkChangedAfterItWasReadIsBuiltByResteasy() {
    String value = plainLinks().get(0);

    Link changed = new ParsedLinkBuilder().link(value).rel("complete").param("x", "1").build();

    Link expected = new LinkBuilderImpl().link(value).rel("complete").param("x", "1").build();
    assertThat(changed).isNotInstanceOf(ParsedLink.class);
    assertThat(changed.toString()).isEqualTo(expected.toString());
  }

  @Test
  void linkValueOfParsesInOnePassOnceItsFactoryIsTheGlobalOne() {
    ResteasyProviderFactory before = ResteasyProviderFactory.getInstance();
    try {
      ResteasyProviderFactory.setInstance(new LinkParsingProviderFactory());

      assertThat(Link.valueOf(plainLinks().get(0))).isInstanceOf(ParsedLink.class);
      String notPlain = "<http://localhost:8083/a b>; rel=\"space\"";
      assertThat(Link.valueOf(notPlain)).isNotInstanceOf(ParsedLink.class);
      assertThat(Link.valueOf(notPlain).getUri())
          .isEqualTo(new LinkBuilderImpl().link(notPlain).build().getUri());
    } finally {
      ResteasyProviderFactory.setInstance(before);
    }
  }
}
