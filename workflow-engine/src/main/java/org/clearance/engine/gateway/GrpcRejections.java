package org.clearance.engine.gateway;

import io.grpc.Status;
import org.clearance.engine.command.Rejection;

/** The gRPC status of each rejection type, as the Zeebe gateway documents them. */
final class GrpcRejections {

  private GrpcRejections() {}

  static Status.Code statusCode(Rejection.Type type) {
    return switch (type) {
      case NOT_FOUND -> Status.Code.NOT_FOUND;
      case INVALID_ARGUMENT -> Status.Code.INVALID_ARGUMENT;
      case INVALID_STATE -> Status.Code.FAILED_PRECONDITION;
      case ALREADY_EXISTS -> Status.Code.ALREADY_EXISTS;
      case RESOURCE_EXHAUSTED -> Status.Code.RESOURCE_EXHAUSTED;
      case DEADLINE_EXCEEDED -> Status.Code.DEADLINE_EXCEEDED;
      case PERMISSION_DENIED -> Status.Code.PERMISSION_DENIED;
    };
  }
}
