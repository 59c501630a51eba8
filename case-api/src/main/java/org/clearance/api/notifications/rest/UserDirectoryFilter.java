package org.clearance.api.notifications.rest;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Context;
import jakarta.ws.rs.Priorities;
import java.util.Set;
import org.clearance.api.notifications.service.UserDirectory;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Keeps the user directory current from the tokens of authenticated requests, so that e-mail to a
 * role or an organisation reaches the people who hold it. Writes only when a user's entry changed
 * (or hourly); never fails a request.
 */
public class UserDirectoryFilter {

  private static final Logger LOG = Logger.getLogger(UserDirectoryFilter.class);

  private final CurrentIdentityAssociation identities;
  private final UserDirectory directory;

  UserDirectoryFilter(CurrentIdentityAssociation identities, UserDirectory directory) {
    this.identities = identities;
    this.directory = directory;
  }

  @ServerRequestFilter(priority = Priorities.USER + 100)
  public void rememberCaller() {
    // Blocking endpoints run this on a worker thread; on the event loop nothing may block.
    if (Context.isOnEventLoopThread()) {
      return;
    }
    SecurityIdentity identity;
    try {
      identity = identities.getDeferredIdentity().await().indefinitely();
    } catch (RuntimeException e) {
      return; // an invalid token: the endpoint answers 401
    }
    if (identity == null
        || identity.isAnonymous()
        || !(identity.getPrincipal() instanceof JsonWebToken token)) {
      return;
    }
    String username = token.getClaim("preferred_username");
    if (username == null) {
      return;
    }
    Object org = token.getClaim("org");
    UserDirectory.Entry entry =
        new UserDirectory.Entry(
            username,
            token.getClaim("name"),
            token.getClaim("email"),
            org == null ? null : org.toString(),
            Set.copyOf(identity.getRoles()));
    if (!directory.isStale(entry)) {
      return;
    }
    try {
      directory.remember(entry);
    } catch (RuntimeException e) {
      LOG.warnf("could not update the user directory for %s: %s", username, e.getMessage());
    }
  }
}
