package org.clearance.engine.gateway.auth;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import org.clearance.engine.config.AuthMode;

/**
 * Lets a call of the Zeebe gateway service through only with an accepted bearer token:
 * UNAUTHENTICATED without one, PERMISSION_DENIED when the client lacks the engine's role, as a
 * Camunda 8 gateway answers. Other services of the gRPC server (health) stay open.
 */
@GlobalInterceptor
@ApplicationScoped
public class GrpcAuthInterceptor implements ServerInterceptor {

  /** The authenticated client of the current call, for logs and later authorisation. */
  public static final Context.Key<String> CLIENT_ID = Context.key("clearance-client-id");

  static final String GATEWAY_SERVICE = "gateway_protocol.Gateway";
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final GatewayAuthenticator authenticator;

  GrpcAuthInterceptor(GatewayAuthenticator authenticator) {
    this.authenticator = authenticator;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    if (authenticator.mode() == AuthMode.NONE
        || !GATEWAY_SERVICE.equals(call.getMethodDescriptor().getServiceName())) {
      return next.startCall(call, headers);
    }
    return switch (authenticator.authenticate(headers.get(AUTHORIZATION))) {
      case AuthOutcome.Authenticated ok ->
          Contexts.interceptCall(
              Context.current().withValue(CLIENT_ID, ok.clientId()), call, headers, next);
      case AuthOutcome.Unauthenticated refused ->
          refuse(call, Status.UNAUTHENTICATED.withDescription(refused.reason()));
      case AuthOutcome.Forbidden refused ->
          refuse(call, Status.PERMISSION_DENIED.withDescription(refused.reason()));
    };
  }

  private static <Q, R> ServerCall.Listener<Q> refuse(ServerCall<Q, R> call, Status status) {
    call.close(status, new Metadata());
    return new ServerCall.Listener<>() {};
  }
}
