package org.clearance.api.views.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A named state of a list screen (its URL query) that one user saved, optionally shared with the
 * holders of one role. Only the owner changes or deletes it.
 */
@Entity
@Table(name = "saved_view")
public class SavedView {

  @Id private UUID id;

  @Column(nullable = false, updatable = false)
  private String owner;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String screen;

  @Column(nullable = false)
  private String query;

  @Column(name = "shared_with_role")
  private String sharedWithRole;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected SavedView() {}

  public SavedView(
      String owner, String name, String screen, String query, String sharedWithRole, Instant at) {
    this.id = UUID.randomUUID();
    this.owner = owner;
    this.name = name;
    this.screen = screen;
    this.query = query;
    this.sharedWithRole = sharedWithRole;
    this.createdAt = at;
    this.updatedAt = at;
  }

  public void change(String name, String screen, String query, String sharedWithRole, Instant at) {
    this.name = name;
    this.screen = screen;
    this.query = query;
    this.sharedWithRole = sharedWithRole;
    this.updatedAt = at;
  }

  public boolean isOwnedBy(String username) {
    return owner.equals(username);
  }

  public UUID id() {
    return id;
  }

  public String owner() {
    return owner;
  }

  public String name() {
    return name;
  }

  public String screen() {
    return screen;
  }

  public String query() {
    return query;
  }

  public String sharedWithRole() {
    return sharedWithRole;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
