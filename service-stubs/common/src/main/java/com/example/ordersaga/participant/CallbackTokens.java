package com.example.ordersaga.participant;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 of (LRA id, step) under a secret only this service knows. The token travels in the
 * callback URL the participant registers with the coordinator, so only a callback for that LRA and
 * step carries a valid one. Base64url without padding: no comma, which would break the LRA join.
 */
public class CallbackTokens {

  private static final String ALGORITHM = "HmacSHA256";
  private final SecretKeySpec key;

  public CallbackTokens(String secret) {
    if (secret == null || secret.length() < 16) {
      throw new IllegalArgumentException("the callback secret must have at least 16 characters");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  public String sign(String lraId, String step) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      byte[] digest = mac.doFinal((lraId + '\n' + step).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public boolean verify(String lraId, String step, String token) {
    if (lraId == null || step == null || token == null) {
      return false;
    }
    return MessageDigest.isEqual(
        sign(lraId, step).getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
  }
}
