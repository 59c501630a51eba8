package org.clearance.api.tasks.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * Someone who used the task inboxes, with the roles of their latest token: the people a manager can
 * hand a task to.
 */
@Entity
@Table(name = "staff_member")
public class StaffMember {

  @Id private String username;

  @Column(nullable = false)
  private String roles;

  @Column(name = "last_seen_at", nullable = false)
  private Instant lastSeenAt;

  protected StaffMember() {}

  public StaffMember(String username, Set<String> roles, Instant seenAt) {
    this.username = username;
    seen(roles, seenAt);
  }

  public void seen(Set<String> roles, Instant at) {
    this.roles = String.join(",", new TreeSet<>(roles));
    this.lastSeenAt = at;
  }

  public String username() {
    return username;
  }

  public Set<String> roles() {
    return roles.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(roles.split(",")));
  }
}
