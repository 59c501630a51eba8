package org.clearance.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.clearance.engine.command.EngineSignals;
import org.clearance.engine.db.Json;

/**
 * What a command does around its commit: the result row for a waiting client in another replica
 * (inside the transaction), then waking long polls and waiting clients (after the commit, so nobody
 * is woken for work that may still roll back).
 */
@ApplicationScoped
public class CommitEffects {

  private final ResultWaiters waiters;
  private final EngineSignals signals;

  CommitEffects(ResultWaiters waiters, EngineSignals signals) {
    this.waiters = waiters;
    this.signals = signals;
  }

  /** Flushes the execution and every related instance the command touched (call activities). */
  public void flush(Execution execution) throws SQLException {
    for (Execution member : List.copyOf(execution.group())) {
      flushOne(member);
    }
  }

  private void flushOne(Execution execution) throws SQLException {
    if (execution.result != null && !waiters.isWaiting(execution.state.processInstanceKey)) {
      try (var statement =
          execution.connection.prepareStatement(
              "INSERT INTO engine.instance_result (process_instance_key, variables) VALUES (?, ?)"
                  + " ON CONFLICT (process_instance_key) DO NOTHING")) {
        statement.setLong(1, execution.state.processInstanceKey);
        statement.setString(2, Json.toDocument(execution.result));
        statement.executeUpdate();
      }
    }
    execution.flush();
  }

  public void afterCommit(Execution execution) {
    for (Execution member : List.copyOf(execution.group())) {
      afterCommitOne(member);
    }
  }

  private void afterCommitOne(Execution execution) {
    for (String type : execution.signalledJobTypes) {
      signals.jobsAvailable(type);
    }
    for (Execution.ThrownSignal thrown : execution.thrownSignals) {
      signals.signalThrown(thrown.key());
    }
    long earliestTimer = execution.events.earliestTimer();
    if (earliestTimer != Long.MAX_VALUE) {
      signals.timerScheduled(earliestTimer);
    }
    if (execution.events.endedMessageStart() != null) {
      signals.messageStartedInstanceEnded(execution.events.endedMessageStart());
    }
    Map<String, JsonNode> result = execution.result;
    if (result != null) {
      long key = execution.state.processInstanceKey;
      if (waiters.isWaiting(key)) {
        waiters.complete(key, result);
      } else {
        signals.resultAvailable(key);
      }
    }
  }
}
