package org.clearance.engine.gateway.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.clearance.engine.command.Rejection;
import org.clearance.engine.command.Tenants;
import org.clearance.engine.deployment.DeployResourcesCommand;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** POST /v2/deployments: BPMN and DMN resources as multipart parts named {@code resources}. */
@Path("/v2/deployments")
public class DeploymentResource {

  static final String PATH = "/v2/deployments";

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ProcessDefinition(
      String processDefinitionId,
      int processDefinitionVersion,
      String resourceName,
      String tenantId,
      String processDefinitionKey) {}

  public record DecisionDefinition(
      String decisionDefinitionId,
      int version,
      String name,
      String tenantId,
      String decisionRequirementsId,
      String decisionDefinitionKey,
      String decisionRequirementsKey) {}

  public record DecisionRequirements(
      String decisionRequirementsId,
      String decisionRequirementsName,
      int version,
      String resourceName,
      String tenantId,
      String decisionRequirementsKey) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Deployed(
      ProcessDefinition processDefinition,
      DecisionDefinition decisionDefinition,
      DecisionRequirements decisionRequirements) {}

  public record DeploymentAnswer(
      String deploymentKey, String tenantId, List<Deployed> deployments) {}

  private final RestCommands commands;
  private final DeployResourcesCommand deploy;

  DeploymentResource(RestCommands commands, DeployResourcesCommand deploy) {
    this.commands = commands;
    this.deploy = deploy;
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  public CompletionStage<Response> deploy(
      @RestForm("resources") List<FileUpload> resources, @RestForm("tenantId") String tenantId) {
    return commands.call(
        "DeployResource",
        PATH,
        deploy,
        () -> {
          if (resources == null || resources.isEmpty()) {
            throw Rejection.invalidArgument(
                "Expected to deploy at least one resource (multipart parts named 'resources'), but none was given");
          }
          var parsed = new ArrayList<DeployResourcesCommand.Resource>();
          for (FileUpload upload : resources) {
            try {
              parsed.add(
                  new DeployResourcesCommand.Resource(
                      upload.fileName(), Files.readAllBytes(upload.uploadedFile())));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
          return new DeployResourcesCommand.Request(parsed, tenantId);
        },
        result -> {
          String tenant = Tenants.of(tenantId);
          var deployed = new ArrayList<Deployed>();
          for (var process : result.processes()) {
            deployed.add(
                new Deployed(
                    new ProcessDefinition(
                        process.bpmnProcessId(),
                        process.version(),
                        process.resourceName(),
                        tenant,
                        Long.toString(process.processDefinitionKey())),
                    null,
                    null));
          }
          for (var drg : result.decisionRequirements()) {
            deployed.add(
                new Deployed(
                    null,
                    null,
                    new DecisionRequirements(
                        drg.decisionRequirementsId(),
                        drg.name(),
                        drg.version(),
                        drg.resourceName(),
                        tenant,
                        Long.toString(drg.key()))));
          }
          for (var decision : result.decisions()) {
            deployed.add(
                new Deployed(
                    null,
                    new DecisionDefinition(
                        decision.decisionId(),
                        decision.version(),
                        decision.name(),
                        tenant,
                        decision.decisionRequirementsId(),
                        Long.toString(decision.decisionKey()),
                        Long.toString(decision.decisionRequirementsKey())),
                    null));
          }
          return Response.ok(
                  new DeploymentAnswer(Long.toString(result.key()), tenant, deployed),
                  MediaType.APPLICATION_JSON)
              .build();
        });
  }
}
