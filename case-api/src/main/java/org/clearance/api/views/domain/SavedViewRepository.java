package org.clearance.api.views.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SavedViewRepository implements PanacheRepositoryBase<SavedView, UUID> {

  /**
   * The views a user may pick: their own and those shared with one of their roles, by name. A null
   * screen means every screen.
   */
  public List<SavedView> visibleTo(String username, Collection<String> roles, String screen) {
    String visible =
        roles.isEmpty() ? "owner = :owner" : "(owner = :owner or sharedWithRole in :roles)";
    Parameters parameters = Parameters.with("owner", username);
    if (!roles.isEmpty()) {
      parameters.and("roles", roles);
    }
    String query = visible;
    if (screen != null) {
      query += " and screen = :screen";
      parameters.and("screen", screen);
    }
    return find(query + " order by lower(name), owner, id", parameters).list();
  }

  /** Whether the owner already has another view of this name on the screen (case ignored). */
  public boolean nameTaken(String owner, String screen, String name, UUID except) {
    return count(
            "owner = :owner and screen = :screen and lower(name) = lower(:name)"
                + (except == null ? "" : " and id <> :except"),
            except == null
                ? Parameters.with("owner", owner).and("screen", screen).and("name", name)
                : Parameters.with("owner", owner)
                    .and("screen", screen)
                    .and("name", name)
                    .and("except", except))
        > 0;
  }

  public long countOwned(String owner) {
    return count("owner", owner);
  }
}
