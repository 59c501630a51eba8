package org.clearance.engine.gateway.rest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.clearance.engine.command.CommandExecutor;
import org.clearance.engine.command.CommandHandler;
import org.clearance.engine.command.Rejection;
import org.jboss.logging.Logger;

/**
 * Runs REST commands through the same command handlers, on the same {@link CommandExecutor} lanes,
 * as the gRPC gateway: the HTTP event loop only parses and answers, a command thread runs the
 * handler, and a refusal for load is a 503 with the title RESOURCE_EXHAUSTED. Outcomes are counted
 * in {@code engine.commands} under the same command names as over gRPC.
 */
@ApplicationScoped
public class RestCommands {

  private static final Logger LOG = Logger.getLogger(RestCommands.class);

  private final CommandExecutor executor;
  private final MeterRegistry registry;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  RestCommands(CommandExecutor executor, MeterRegistry registry) {
    this.executor = executor;
    this.registry = registry;
  }

  /**
   * Runs a handler in its lane; the request is built on the command thread (so a malformed request
   * is a rejection like any other) and the result mapped to the HTTP answer.
   */
  public <Q, R> CompletionStage<Response> call(
      String command,
      String path,
      CommandHandler<Q, R> handler,
      Supplier<Q> request,
      Function<R, Response> answer) {
    return answer(command, path, executor.call(handler, request).thenApply(answer));
  }

  /** Like {@link #call}, for results that arrive later (awaitCompletion). */
  public <Q, R> CompletionStage<Response> callLater(
      String command,
      String path,
      CommandHandler<Q, R> handler,
      Supplier<Q> request,
      Function<R, CompletionStage<Response>> answer) {
    return answer(command, path, executor.call(handler, request).thenCompose(answer));
  }

  /** Runs work on the activation pool (never refused, never behind queued commands). */
  public CompletionStage<Response> activation(
      String command, String path, CompletableFuture<Response> answer, Runnable work) {
    executor.submitActivation(
        () -> {
          try {
            work.run();
          } catch (RuntimeException | Error e) {
            answer.completeExceptionally(e);
          }
        });
    return answer(command, path, answer);
  }

  /** Maps the outcome of a command to its answer: the result, or a problem. */
  public CompletionStage<Response> answer(
      String command, String path, CompletionStage<Response> outcome) {
    return outcome.handle(
        (response, error) -> {
          if (error == null) {
            count(command, "processed");
            return response;
          }
          Throwable cause = unwrap(error);
          if (cause instanceof Rejection rejection) {
            count(command, "rejected");
            LOG.debugf("%s rejected (%s): %s", command, rejection.type(), rejection.getMessage());
            return Problems.of(rejection, path);
          }
          count(command, "failed");
          LOG.errorf(cause, "%s failed", command);
          return Problems.internal(cause, path);
        });
  }

  private static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private void count(String command, String outcome) {
    counters
        .computeIfAbsent(
            command + "/" + outcome,
            k ->
                Counter.builder("engine.commands")
                    .description("Gateway commands by type and outcome")
                    .tag("command", command)
                    .tag("outcome", outcome)
                    .register(registry))
        .increment();
  }
}
