package org.clearance.api.notifications.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** That one user has read one notification (read state is per user, also for role recipients). */
@Entity
@Table(name = "notification_read")
public class NotificationRead {

  @Embeddable
  public record Key(
      @Column(name = "notification_id") UUID notificationId,
      @Column(name = "username") String username)
      implements Serializable {}

  @EmbeddedId private Key key;

  @Column(name = "read_at", nullable = false)
  private Instant readAt;

  protected NotificationRead() {}

  public Key key() {
    return key;
  }

  public Instant readAt() {
    return readAt;
  }
}
