package org.clearance.api.workflow.service;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The one Zeebe client of the application, always on gRPC, authenticated as the realm says. */
@ApplicationScoped
public class CamundaClientProducer {

  @Produces
  @Singleton
  CamundaClient camundaClient(WorkflowConfig config) {
    var builder =
        CamundaClient.newClientBuilder()
            .grpcAddress(config.grpcAddress())
            // 8.9 prefers REST by default; our engine speaks the gateway's gRPC protocol only.
            .preferRestOverGrpc(false)
            .defaultRequestTimeout(config.requestTimeout())
            // deploy, create and publish go to case-api's tenant; workers activate only its jobs
            .defaultTenantId(config.tenantId())
            .defaultJobWorkerTenantIds(List.of(config.tenantId()))
            .numJobWorkerExecutionThreads(4);
    if (config.auth() == WorkflowConfig.EngineAuth.OIDC) {
      builder.credentialsProvider(oauth(config.oauth()));
    }
    return builder.build();
  }

  /**
   * The client's own OAuth provider fetches a client-credentials token, adds it to every call and
   * fetches a new one before it expires. Its token cache file lives in a directory of this process,
   * not in the shared {@code ~/.camunda}, so replicas and test runs never read each other's file.
   */
  private static CredentialsProvider oauth(WorkflowConfig.OAuth oauth) {
    try {
      Path cache = Files.createTempDirectory("case-api-engine-credentials");
      Path file = cache.resolve("credentials");
      // deleted in reverse order of registration: the file, then its directory
      cache.toFile().deleteOnExit();
      file.toFile().deleteOnExit();
      return CredentialsProvider.newCredentialsProviderBuilder()
          .applyEnvironmentOverrides(false)
          .clientId(oauth.clientId())
          .clientSecret(oauth.clientSecret())
          .audience(oauth.audience())
          .authorizationServerUrl(oauth.tokenUrl().toString())
          .credentialsCachePath(file.toString())
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException("could not create the engine credentials cache", e);
    }
  }

  void close(@Disposes CamundaClient client) {
    client.close();
  }
}
