package org.clearance.engine.job;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.clearance.engine.command.Rejection;
import org.clearance.engine.command.Tenants;
import org.clearance.engine.config.EngineConfig;

/**
 * ActivateJobs with long polling. It does not block a thread while it waits: the gateway hands in
 * the answer to complete, and cancels it when the client goes away (a parked request whose answer
 * is done is dropped). Runs on the activation pool ({@code CommandExecutor#submitActivation}):
 * activations are never refused for load and never queue behind other commands.
 */
@ApplicationScoped
public class ActivateJobsCommand {

  /**
   * @param timeout how long the activated jobs stay with the worker (ms)
   * @param requestTimeout how long to wait for jobs: 0 = the engine's default long poll, negative =
   *     answer at once
   * @param tenantIds the worker's tenants (empty or null: the default tenant)
   */
  public record Request(
      String type,
      String worker,
      long timeout,
      int maxJobsToActivate,
      List<String> fetchVariables,
      long requestTimeout,
      List<String> tenantIds) {}

  private final ActivationLongPoll longPoll;
  private final EngineConfig config;

  ActivateJobsCommand(ActivationLongPoll longPoll, EngineConfig config) {
    this.longPoll = longPoll;
    this.config = config;
  }

  /**
   * Validates the request, then activates jobs or parks until some come or the long poll ends.
   *
   * @param answer completed with the activated jobs (possibly none)
   * @throws Rejection INVALID_ARGUMENT for a blank type, a timeout below 1 ms or no jobs asked for
   */
  public void execute(Request request, CompletableFuture<List<ActivatedJob>> answer) {
    if (request.type() == null || request.type().isBlank()) {
      throw Rejection.invalidArgument("Expected to activate jobs of a type, but type is blank");
    }
    if (request.timeout() < 1) {
      throw Rejection.invalidArgument(
          "Expected to activate jobs with a timeout of at least 1 ms, but got %d"
              .formatted(request.timeout()));
    }
    if (request.maxJobsToActivate() < 1) {
      throw Rejection.invalidArgument(
          "Expected to activate at least 1 job, but maxJobsToActivate is %d"
              .formatted(request.maxJobsToActivate()));
    }
    List<String> tenantIds = Tenants.of(request.tenantIds());
    long longPollTimeout =
        request.requestTimeout() == 0 ? config.defaultLongPollTimeout() : request.requestTimeout();
    var activation =
        new JobActivator.Activation(
            request.type(),
            request.worker(),
            request.timeout(),
            request.maxJobsToActivate(),
            request.fetchVariables(),
            tenantIds);
    longPoll.activate(activation, longPollTimeout, answer);
  }
}
