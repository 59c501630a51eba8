package org.clearance.engine.job;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.clearance.engine.command.EngineSignals;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * LISTEN/NOTIFY between engine replicas on one database, on two dedicated connections (outside the
 * pool). Notifications are sent after commit and coalesced, so commands never take PostgreSQL's
 * notify lock inside their own transactions.
 */
@ApplicationScoped
public class PgNotifications {

  private static final Logger LOG = Logger.getLogger(PgNotifications.class);
  static final String CHANNEL = "clearance_engine";

  private final EngineSignals signals;
  private final String url;
  private final String user;
  private final String password;
  private final String nodeId = UUID.randomUUID().toString().substring(0, 8);
  private final LinkedBlockingQueue<String> outbox = new LinkedBlockingQueue<>(100_000);
  private volatile boolean running;
  private Thread listener;
  private Thread notifier;

  PgNotifications(
      EngineSignals signals,
      @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
      @ConfigProperty(name = "quarkus.datasource.username") String user,
      @ConfigProperty(name = "quarkus.datasource.password") String password) {
    this.signals = signals;
    this.url = url;
    this.user = user;
    this.password = password;
  }

  void start(@Observes StartupEvent event) {
    running = true;
    signals.publishRemotelyWith(payload -> outbox.offer(nodeId + "|" + payload));
    listener = Thread.ofPlatform().daemon().name("engine-pg-listen").start(this::listen);
    notifier = Thread.ofPlatform().daemon().name("engine-pg-notify").start(this::notifyLoop);
  }

  void stop(@Observes ShutdownEvent event) {
    running = false;
    if (listener != null) {
      listener.interrupt();
    }
    if (notifier != null) {
      notifier.interrupt();
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  private void listen() {
    while (running) {
      try (Connection connection = connect()) {
        try (var statement = connection.createStatement()) {
          statement.execute("LISTEN " + CHANNEL);
        }
        PGConnection pg = connection.unwrap(PGConnection.class);
        while (running) {
          var notifications = pg.getNotifications(1000);
          if (notifications == null) {
            continue;
          }
          for (var notification : notifications) {
            String payload = notification.getParameter();
            int separator = payload.indexOf('|');
            if (separator > 0 && !payload.substring(0, separator).equals(nodeId)) {
              signals.received(payload.substring(separator + 1));
            }
          }
        }
      } catch (SQLException e) {
        if (running) {
          LOG.warnf("Lost the LISTEN connection (%s); reconnecting", e.getMessage());
          pause();
        }
      }
    }
  }

  private void notifyLoop() {
    while (running) {
      try (Connection connection = connect();
          var statement =
              connection.prepareStatement(
                  "SELECT pg_notify('" + CHANNEL + "', p) FROM unnest(?::text[]) p")) {
        while (running) {
          String first = outbox.poll(1, TimeUnit.SECONDS);
          if (first == null) {
            continue;
          }
          var batch = new LinkedHashSet<String>();
          batch.add(first);
          var more = new ArrayList<String>();
          outbox.drainTo(more, 500);
          batch.addAll(more);
          statement.setArray(1, connection.createArrayOf("text", batch.toArray()));
          statement.execute();
        }
      } catch (SQLException e) {
        if (running) {
          LOG.warnf("Cannot NOTIFY other replicas (%s); reconnecting", e.getMessage());
          pause();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void pause() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
