package org.clearance.api.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the web UI needs before anyone signs in: where Keycloak is and which client to sign in with.
 * Public on purpose (the UI reads it to find the login page); it holds no secret.
 */
@Path("/api/ui-config")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class UiConfigResource {

  /** The Keycloak base URL, realm and public client the browser signs in with. */
  public record UiConfig(String keycloakUrl, String realm, String clientId) {}

  private final String oidcUrl;
  private final String clientId;

  UiConfigResource(
      @ConfigProperty(name = "clearance.ui.oidc-url") String oidcUrl,
      @ConfigProperty(name = "clearance.ui.client-id") String clientId) {
    this.oidcUrl = oidcUrl;
    this.clientId = clientId;
  }

  @GET
  public UiConfig config() {
    String url = oidcUrl.endsWith("/") ? oidcUrl.substring(0, oidcUrl.length() - 1) : oidcUrl;
    int realms = url.lastIndexOf("/realms/");
    if (realms < 0) {
      return new UiConfig(url, "clearance", clientId);
    }
    return new UiConfig(url.substring(0, realms), url.substring(realms + 8), clientId);
  }
}
