package org.clearance.engine.gateway.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.clearance.engine.db.Json;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.lang.JoseException;

/**
 * The realm's signing keys, held in memory. They are fetched once the engine starts (retried until
 * the realm answers, so the engine may start before Keycloak) and again when a token names a key id
 * not seen yet (a key rotation), at most once per refresh interval so forged key ids cannot make
 * the engine hammer the realm.
 */
final class RealmKeys {

  private static final Logger LOG = Logger.getLogger(RealmKeys.class);
  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(3);

  private final OidcConfig config;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(HTTP_TIMEOUT)
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();
  private final ReentrantLock refreshing = new ReentrantLock();
  private volatile List<JsonWebKey> keys = List.of();
  private volatile long lastFetchNanos;
  private volatile boolean fetchedOnce;

  RealmKeys(OidcConfig config) {
    this.config = config;
  }

  boolean loaded() {
    return fetchedOnce;
  }

  List<JsonWebKey> current() {
    return keys;
  }

  /**
   * Fetches the keys again unless that happened within the refresh interval (or another thread is
   * fetching right now). Returns whether the key set was replaced.
   */
  boolean refreshIfDue() {
    if (fetchedOnce && System.nanoTime() - lastFetchNanos < config.keyRefreshInterval().toNanos()) {
      return false;
    }
    // Before the first load every caller waits for it (bounded by the HTTP timeout); later, one
    // fetch at a time and the others carry on with the keys they have.
    if (fetchedOnce) {
      if (!refreshing.tryLock()) {
        return false;
      }
    } else {
      refreshing.lock();
      if (fetchedOnce) {
        refreshing.unlock();
        return true;
      }
    }
    try {
      fetch();
      return true;
    } catch (IOException | JoseException | RuntimeException e) {
      LOG.warnf(
          "could not fetch the realm's signing keys from %s: %s", config.issuer(), e.getMessage());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      lastFetchNanos = System.nanoTime();
      refreshing.unlock();
    }
  }

  private void fetch() throws IOException, InterruptedException, JoseException {
    String jwksUrl = config.jwksUrl().orElse(null);
    if (jwksUrl == null) {
      String issuer = config.issuer().replaceAll("/+$", "");
      JsonNode discovery = Json.MAPPER.readTree(get(issuer + "/.well-known/openid-configuration"));
      jwksUrl = discovery.path("jwks_uri").asText(null);
      if (jwksUrl == null) {
        throw new IOException("the realm's discovery document names no jwks_uri");
      }
    }
    var set = new JsonWebKeySet(get(jwksUrl));
    keys = List.copyOf(set.getJsonWebKeys());
    fetchedOnce = true;
    LOG.infof("loaded %d signing key(s) of %s", keys.size(), config.issuer());
  }

  private String get(String url) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(HTTP_TIMEOUT).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + url + " answered " + response.statusCode());
    }
    return response.body();
  }
}
