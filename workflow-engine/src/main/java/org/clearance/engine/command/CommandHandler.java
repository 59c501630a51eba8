package org.clearance.engine.command;

/**
 * One command of the engine (complete a job, publish a message, ...), with its domain. A handler
 * takes a plain request record and returns a plain result; it knows no protocol. Every gateway
 * (gRPC, REST) maps its protocol's message to the request, runs the handler on the {@link
 * CommandExecutor} in the handler's {@link #lane()}, and maps the result, or the {@link Rejection},
 * back.
 *
 * @param <Q> the request
 * @param <R> the result
 */
public interface CommandHandler<Q, R> {

  /**
   * Runs the command in its own transaction(s), on the calling thread.
   *
   * @throws Rejection when the command is refused
   */
  R execute(Q request);

  /** The lane the command waits in on the command executor. */
  default CommandExecutor.Lane lane() {
    return CommandExecutor.Lane.NORMAL;
  }
}
