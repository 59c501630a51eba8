package org.clearance.api.notifications.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** In-app notifications and their e-mail delivery. */
@ConfigMapping(prefix = "clearance.notifications")
public interface NotificationConfig {

  Email email();

  /** Where the web UI is, for links in e-mails. */
  @WithDefault("http://localhost:8080")
  String appUrl();

  interface Email {

    /** Whether notifications are e-mailed (through quarkus.mailer.*) besides shown in-app. */
    @WithDefault("false")
    boolean enabled();

    /** How many notifications one sender run claims. */
    @WithDefault("20")
    int batchSize();

    /** Attempts before a notification's e-mail is given up as FAILED. */
    @WithDefault("5")
    int maxAttempts();

    /** Wait after the first failed attempt; doubled after each further one. */
    @WithDefault("PT1M")
    Duration backoff();

    /** How often the sender looks for due e-mails (read by its schedule). */
    @WithDefault("30s")
    String interval();

    /** The longest wait between two attempts. */
    @WithDefault("PT1H")
    Duration maxBackoff();
  }
}
