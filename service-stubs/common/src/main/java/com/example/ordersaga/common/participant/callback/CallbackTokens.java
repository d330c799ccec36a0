package com.example.ordersaga.common.participant.callback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 of (LRA id, step, compensation endpoint, completion endpoint) under a key derived
 * from the configured secret and this service's name. The token travels in the callback URLs the
 * participant registers with the coordinator, so only a callback for that LRA, that step and those
 * endpoints, at this service, carries a valid one: a token seen elsewhere cannot be aimed at
 * another step's endpoint or another service. Base64url without padding: no comma, which would
 * break the LRA join.
 */
public class CallbackTokens {

  private static final String ALGORITHM = "HmacSHA256";
  private final byte[] serviceKey;

  /** The callback endpoints registered for a step, as they appear in the callback URL. */
  public record Endpoints(String compensation, String completion) {}

  public CallbackTokens(String secret, String service) {
    if (secret == null || secret.length() < 16) {
      throw new IllegalArgumentException("the callback secret must have at least 16 characters");
    }
    this.serviceKey = hmac(secret.getBytes(StandardCharsets.UTF_8), service);
  }

  public String sign(String lraId, String step, Endpoints endpoints) {
    String message =
        String.join(
            "\n",
            lraId,
            step,
            String.valueOf(endpoints.compensation()),
            String.valueOf(endpoints.completion()));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(serviceKey, message));
  }

  public boolean verify(String lraId, String step, Endpoints endpoints, String token) {
    if (lraId == null || step == null || token == null) {
      return false;
    }
    return MessageDigest.isEqual(
        sign(lraId, step, endpoints).getBytes(StandardCharsets.UTF_8),
        token.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] hmac(byte[] key, String message) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
