package org.clearance.engine.gateway.rest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.clearance.engine.gateway.CommandExecutor;
import org.clearance.engine.gateway.Rejection;
import org.jboss.logging.Logger;

/**
 * Runs REST commands on the same {@link CommandExecutor} lanes as the gRPC gateway: the HTTP event
 * loop only parses and answers, a command thread runs the command, and a refusal for load is a 503
 * with the title RESOURCE_EXHAUSTED. Outcomes are counted in {@code engine.commands} under the same
 * command names as over gRPC.
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

  /** Runs work in the normal lane; its result is the answer. */
  public CompletionStage<Response> run(String command, String path, Supplier<Response> work) {
    return run(command, CommandExecutor.Lane.NORMAL, path, work);
  }

  public CompletionStage<Response> run(
      String command, CommandExecutor.Lane lane, String path, Supplier<Response> work) {
    return submit(command, lane, path, answer -> answer.complete(work.get()));
  }

  /**
   * Runs work on a command thread; the work completes the answer itself (possibly later, from
   * another thread, as CreateProcessInstance with awaitCompletion does).
   */
  public CompletionStage<Response> submit(
      String command,
      CommandExecutor.Lane lane,
      String path,
      Consumer<CompletableFuture<Response>> work) {
    var answer = new CompletableFuture<Response>();
    Runnable guarded = () -> guard(command, path, answer, work);
    try {
      executor.submit(lane, guarded);
    } catch (Rejection rejection) {
      answer.complete(rejected(command, path, rejection));
    }
    return answer;
  }

  /** Runs work on the activation pool (never refused, never behind queued commands). */
  public CompletionStage<Response> activation(
      String command, String path, Consumer<CompletableFuture<Response>> work) {
    var answer = new CompletableFuture<Response>();
    executor.submitActivation(() -> guard(command, path, answer, work));
    return answer;
  }

  private void guard(
      String command,
      String path,
      CompletableFuture<Response> answer,
      Consumer<CompletableFuture<Response>> work) {
    try {
      work.accept(answer);
      count(command, "processed");
    } catch (Rejection rejection) {
      answer.complete(rejected(command, path, rejection));
    } catch (RuntimeException | Error e) {
      answer.complete(failed(command, path, e));
    }
  }

  public Response rejected(String command, String path, Rejection rejection) {
    count(command, "rejected");
    LOG.debugf("%s rejected (%s): %s", command, rejection.type(), rejection.getMessage());
    return Problems.of(rejection, path);
  }

  public Response failed(String command, String path, Throwable error) {
    count(command, "failed");
    LOG.errorf(error, "%s failed", command);
    return Problems.internal(error, path);
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
