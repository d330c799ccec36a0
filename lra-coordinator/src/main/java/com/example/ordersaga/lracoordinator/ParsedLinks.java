package com.example.ordersaga.lracoordinator;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code Link.valueOf} for the coordinator: Narayana parses every participant link of every join
 * with it, several times over, and RESTEasy's parser builds each link's URI through its
 * URI-template machinery (regular expressions over the whole URL, then again to build it): under
 * load that was most of the coordinator's CPU. A link header value {@code <uri>; name="value"; …}
 * whose URI is a plain RFC 3986 URI is parsed here in one pass into a {@link ParsedLink}; anything
 * else (a template, escapes, repeated parameters) is left to RESTEasy's parser, so nothing parses
 * differently than before.
 */
final class ParsedLinks {

  private ParsedLinks() {}

  /** The link, or null where this parser steps aside for RESTEasy's. */
  static ParsedLink parse(String value) {
    String text = value.trim();
    int close = text.indexOf('>');
    if (!text.startsWith("<") || close < 0) {
      return null;
    }
    String target = text.substring(1, close);
    if (target.indexOf('{') >= 0) {
      return null; // a URI template: RESTEasy's to build
    }
    URI uri;
    try {
      uri = new URI(target);
    } catch (URISyntaxException notPlain) {
      return null;
    }
    Map<String, String> params = new LinkedHashMap<>();
    int at = close + 1;
    while (true) {
      at = skipSpaces(text, at);
      if (at == text.length()) {
        return new ParsedLink(uri, params);
      }
      if (text.charAt(at) != ';') {
        return null;
      }
      int nameStart = skipSpaces(text, at + 1);
      int equals = text.indexOf('=', nameStart);
      if (equals < 0) {
        return null;
      }
      String name = text.substring(nameStart, equals).trim();
      int valueStart = skipSpaces(text, equals + 1);
      String paramValue;
      if (valueStart < text.length() && text.charAt(valueStart) == '"') {
        int endQuote = text.indexOf('"', valueStart + 1);
        if (endQuote < 0 || text.lastIndexOf('\\', endQuote) > valueStart) {
          return null; // unterminated, or escapes: RESTEasy's
        }
        paramValue = text.substring(valueStart + 1, endQuote);
        at = endQuote + 1;
      } else {
        int end = text.indexOf(';', valueStart);
        end = end < 0 ? text.length() : end;
        paramValue = text.substring(valueStart, end).trim();
        at = end;
      }
      if (name.isEmpty() || params.putIfAbsent(name, paramValue) != null) {
        return null; // a repeated parameter: RESTEasy's rules
      }
    }
  }

  private static int skipSpaces(String text, int at) {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
    return at;
  }
}
