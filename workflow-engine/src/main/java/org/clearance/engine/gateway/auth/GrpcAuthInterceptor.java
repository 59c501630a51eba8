package org.clearance.engine.gateway.auth;

import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.clearance.engine.command.AuthorizedTenants;
import org.clearance.engine.command.Rejection;
import org.clearance.engine.command.Tenants;
import org.clearance.engine.config.AuthMode;

/**
 * Lets a call of the Zeebe gateway service through only with an accepted bearer token:
 * UNAUTHENTICATED without one, PERMISSION_DENIED when the client lacks the engine's role or names a
 * tenant it is not assigned, as a Camunda 8 gateway answers. Other services of the gRPC server
 * (health) stay open.
 */
@GlobalInterceptor
@ApplicationScoped
public class GrpcAuthInterceptor implements ServerInterceptor {

  /** The authenticated client of the current call, for logs. */
  public static final Context.Key<String> CLIENT_ID = Context.key("clearance-client-id");

  /** The tenants the client of the current call may use (unset without authentication). */
  public static final Context.Key<AuthorizedTenants> TENANTS = Context.key("clearance-tenants");

  /** The caller's tenants in the current call: every tenant without authentication. */
  public static AuthorizedTenants callerTenants() {
    AuthorizedTenants tenants = TENANTS.get();
    return tenants == null ? AuthorizedTenants.ALL : tenants;
  }

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
      case AuthOutcome.Authenticated ok -> {
        ServerCall.Listener<Q> listener =
            Contexts.interceptCall(
                Context.current()
                    .withValue(CLIENT_ID, ok.clientId())
                    .withValue(TENANTS, ok.tenants()),
                call,
                headers,
                next);
        yield ok.tenants().all() ? listener : new TenantCheck<>(listener, call, ok);
      }
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

  /**
   * Refuses a request that names a tenant (its {@code tenantId}, a worker's {@code tenantIds}, or
   * those of the request it wraps, as CreateProcessInstanceWithResult does) the client is not
   * assigned; none named means the default tenant. An identifier that is not valid at all is left
   * to the handler, which answers INVALID_ARGUMENT.
   */
  private static final class TenantCheck<Q, R> extends SimpleForwardingServerCallListener<Q> {
    private final ServerCall<Q, R> call;
    private final AuthOutcome.Authenticated caller;
    private boolean refused;

    TenantCheck(
        ServerCall.Listener<Q> delegate, ServerCall<Q, R> call, AuthOutcome.Authenticated caller) {
      super(delegate);
      this.call = call;
      this.caller = caller;
    }

    @Override
    public void onMessage(Q message) {
      if (refused) {
        return;
      }
      if (message instanceof Message request) {
        try {
          for (String tenant : namedTenants(request, 0)) {
            caller.tenants().require(tenant, caller.clientId());
          }
        } catch (Rejection rejection) {
          if (rejection.type() == Rejection.Type.PERMISSION_DENIED) {
            refused = true;
            call.close(
                Status.PERMISSION_DENIED.withDescription(rejection.getMessage()), new Metadata());
            return;
          }
          // an invalid identifier: the handler answers INVALID_ARGUMENT with its reason
        }
      }
      super.onMessage(message);
    }

    @Override
    public void onHalfClose() {
      if (!refused) {
        super.onHalfClose();
      }
    }

    @Override
    public void onReady() {
      if (!refused) {
        super.onReady();
      }
    }

    private static List<String> namedTenants(Message request, int depth) {
      var tenants = new ArrayList<String>();
      var descriptor = request.getDescriptorForType();
      FieldDescriptor single = descriptor.findFieldByName("tenantId");
      if (single != null) {
        tenants.add(Tenants.of((String) request.getField(single)));
      }
      FieldDescriptor many = descriptor.findFieldByName("tenantIds");
      FieldDescriptor filter = descriptor.findFieldByName("tenantFilter");
      boolean assigned =
          filter != null
              && request.getField(filter) instanceof EnumValueDescriptor value
              && value.getName().equals("ASSIGNED");
      if (many != null && !assigned) {
        @SuppressWarnings("unchecked")
        List<String> named = (List<String>) request.getField(many);
        tenants.addAll(Tenants.of(named));
      }
      if (depth == 0) {
        for (FieldDescriptor field : descriptor.getFields()) {
          if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
              && !field.isRepeated()
              && request.hasField(field)) {
            tenants.addAll(namedTenants((Message) request.getField(field), 1));
          }
        }
      }
      return tenants;
    }
  }
}
