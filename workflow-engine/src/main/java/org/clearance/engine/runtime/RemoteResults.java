package org.clearance.engine.runtime;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.clearance.engine.command.CommandExecutor;
import org.clearance.engine.command.EngineSignals;
import org.clearance.engine.db.Db;
import org.clearance.engine.db.Json;

/** Picks up results of instances that completed in another replica while a client waits here. */
@ApplicationScoped
public class RemoteResults {

  private final Db db;
  private final ResultWaiters waiters;
  private final CommandExecutor executor;
  private final EngineSignals signals;

  RemoteResults(Db db, ResultWaiters waiters, CommandExecutor executor, EngineSignals signals) {
    this.db = db;
    this.waiters = waiters;
    this.executor = executor;
    this.signals = signals;
  }

  void start(@Observes StartupEvent event) {
    signals.onResultAvailable(
        key -> {
          if (waiters.isWaiting(key)) {
            executor.submitInternal(() -> collect(key));
          }
        });
  }

  private void collect(long processInstanceKey) {
    String variables =
        db.inTransaction(
            connection -> {
              try (var statement =
                  connection.prepareStatement(
                      "DELETE FROM engine.instance_result WHERE process_instance_key = ?"
                          + " RETURNING variables")) {
                statement.setLong(1, processInstanceKey);
                try (var rs = statement.executeQuery()) {
                  return rs.next() ? rs.getString(1) : null;
                }
              }
            });
    if (variables != null) {
      waiters.complete(processInstanceKey, Json.parseVariables(variables, "result"));
    }
  }
}
