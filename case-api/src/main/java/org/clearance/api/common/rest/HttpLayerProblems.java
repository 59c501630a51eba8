package org.clearance.api.common.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.clearance.api.common.error.FieldError;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The one failure handler of the HTTP layer: every error answered before (or beside) the JAX-RS
 * resources, whose exception mappers answer their own, is problem+json as well.
 *
 * <ul>
 *   <li>The limits a client can exceed are checked here, in front of everything else, with
 *       problem+json answers: a request target longer than {@code clearance.http.max-uri-length}
 *       (414), request headers larger than {@code clearance.http.max-header-size} (431), a declared
 *       body larger than {@code quarkus.http.limits.max-body-size} (413). Netty's own limits (which
 *       answer with an empty body) are set well above these in application.properties, so they are
 *       met only by requests far past ours.
 *   <li>A failure of the router (a path it cannot parse: 400, a handler that failed) becomes a
 *       problem with the failure's status.
 *   <li>A request no route answered gets 404 problem+json (GETs of the web UI are answered by its
 *       own routes before this one).
 * </ul>
 */
@ApplicationScoped
public class HttpLayerProblems {

  private static final Logger LOG = Logger.getLogger(HttpLayerProblems.class);

  /** Runs before Quarkus' own body-size check (route order -2) and before authentication. */
  private static final int LIMITS_FILTER_PRIORITY = 10_000;

  private final ObjectMapper json;
  private final int maxUriLength;
  private final long maxHeaderBytes;
  private final Optional<MemorySize> maxBodySize;

  HttpLayerProblems(
      ObjectMapper json,
      @ConfigProperty(name = "clearance.http.max-uri-length", defaultValue = "4096")
          int maxUriLength,
      @ConfigProperty(name = "clearance.http.max-header-size", defaultValue = "20K")
          MemorySize maxHeaderSize,
      @ConfigProperty(name = "quarkus.http.limits.max-body-size")
          Optional<MemorySize> maxBodySize) {
    this.json = json;
    this.maxUriLength = maxUriLength;
    this.maxHeaderBytes = maxHeaderSize.asLongValue();
    this.maxBodySize = maxBodySize;
  }

  void registerLimits(@Observes Filters filters) {
    filters.register(this::enforceLimits, LIMITS_FILTER_PRIORITY);
  }

  void registerFailureHandling(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
    router.route().order(Integer.MAX_VALUE).handler(this::unmatched);
  }

  private void enforceLimits(RoutingContext context) {
    HttpServerRequest request = context.request();
    if (request.uri().length() > maxUriLength) {
      send(
          context,
          Problem.of(
              "uri-too-long",
              "URI Too Long",
              414,
              "The request target may be at most " + maxUriLength + " characters long."),
          true);
      return;
    }
    try {
      new java.net.URI(request.uri());
    } catch (java.net.URISyntaxException e) {
      send(
          context,
          Problem.of(
              "malformed-uri",
              "The request target is not a valid URI",
              400,
              "Characters such as spaces, braces and bare % signs must be percent-encoded"
                  + " (RFC 3986)."),
          false);
      return;
    }
    long headerBytes = 0;
    for (Map.Entry<String, String> header : request.headers()) {
      headerBytes += header.getKey().length() + header.getValue().length() + 4;
    }
    if (headerBytes > maxHeaderBytes) {
      send(
          context,
          Problem.of(
              "request-header-fields-too-large",
              "Request Header Fields Too Large",
              431,
              "The request headers may be at most " + maxHeaderBytes + " bytes together."),
          true);
      return;
    }
    if (request.path().startsWith("/api") && !wellFormedAuthorization(request)) {
      context.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      send(
          context,
          Problem.of(
              "unauthorized",
              "Authentication required",
              401,
              "Send one Authorization header: Bearer, a space, and a token issued by the Clearance"
                  + " realm for this API."),
          false);
      return;
    }
    if (!wellFormedMultipartBoundary(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
      send(
          context,
          Problem.of(
                  "malformed-multipart",
                  "The multipart body cannot be read",
                  400,
                  "The boundary of a multipart Content-Type is 1 to 70 characters (RFC 2046).")
              .withErrors(
                  java.util.List.of(new FieldError("Content-Type", "has no valid boundary"))),
          true);
      return;
    }
    String declaredLength = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (declaredLength != null && maxBodySize.isPresent()) {
      long limit = maxBodySize.get().asLongValue();
      long length;
      try {
        length = Long.parseLong(declaredLength.strip());
      } catch (NumberFormatException e) {
        length = -1;
      }
      if (length < 0) {
        send(
            context,
            Problem.of("bad-request", "Bad Request", 400, "Content-Length must be a whole number."),
            true);
        return;
      }
      if (length > limit) {
        send(
            context,
            Problem.of(
                "payload-too-large",
                "Content Too Large",
                413,
                "The request body may be at most " + limit + " bytes."),
            true);
        return;
      }
    }
    context.next();
  }

  /**
   * No Authorization header, or exactly one holding "Bearer" and a compact JWS (three base64url
   * parts). Anything else is refused before the OIDC extension sees it: it treats some malformed
   * values as opaque tokens and fails with a 500 on others.
   */
  private static boolean wellFormedAuthorization(HttpServerRequest request) {
    java.util.List<String> values = request.headers().getAll(HttpHeaders.AUTHORIZATION);
    if (values.isEmpty()) {
      return true;
    }
    return values.size() == 1 && BEARER_JWS.matcher(values.get(0)).matches();
  }

  /** A multipart Content-Type's boundary, if it names one, is 1-70 characters of RFC 2046. */
  private static boolean wellFormedMultipartBoundary(String contentType) {
    if (contentType == null
        || !contentType.strip().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
      return true;
    }
    java.util.regex.Matcher boundary = BOUNDARY.matcher(contentType);
    if (!boundary.find()) {
      return true; // no boundary at all: the resource answers that no part was sent
    }
    String value = boundary.group(1) != null ? boundary.group(1) : boundary.group(2).strip();
    return BOUNDARY_CHARS.matcher(value).matches();
  }

  private static final java.util.regex.Pattern BOUNDARY =
      java.util.regex.Pattern.compile("(?i);\\s*boundary=(?:\"([^\"]*)\"|([^;]*))");
  private static final java.util.regex.Pattern BOUNDARY_CHARS =
      java.util.regex.Pattern.compile(
          "[0-9A-Za-z'()+_,./:=?-]([0-9A-Za-z'()+_,./:=? -]{0,68}[0-9A-Za-z'()+_,./:=?-])?");

  private static final java.util.regex.Pattern BEARER_JWS =
      java.util.regex.Pattern.compile(
          "(?i:bearer) [A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]{2,}");

  private void failed(RoutingContext context) {
    if (context.response().ended()) {
      return;
    }
    if (context.response().headWritten()) {
      context.response().reset();
      return;
    }
    int status = context.statusCode();
    Throwable failure = context.failure();
    if (status < 400 || status > 599) {
      status = 500;
    }
    if (status >= 500) {
      String incident = UUID.randomUUID().toString();
      LOG.errorf(failure, "request failed in the HTTP layer, incident %s", incident);
      send(
          context,
          Problem.of(
              "internal-error",
              "Something went wrong",
              status,
              "The request failed unexpectedly; quote incident "
                  + incident
                  + " when reporting it."),
          false);
      return;
    }
    String title = reasonPhrase(status);
    send(
        context,
        Problem.of(
            title.toLowerCase().replaceAll("[^a-z0-9]+", "-"),
            title,
            status,
            status == 400
                ? "The request cannot be parsed (for example a path with characters that must be"
                    + " percent-encoded)."
                : "The request was rejected by the HTTP layer."),
        false);
  }

  private void unmatched(RoutingContext context) {
    if (context.response().ended()) {
      return;
    }
    send(
        context,
        Problem.of("not-found", "Not found", 404, "No resource answers this path."),
        false);
  }

  private void send(RoutingContext context, Problem problem, boolean closeConnection) {
    HttpServerResponse response = context.response();
    byte[] body;
    try {
      body = json.writeValueAsBytes(problem);
    } catch (JsonProcessingException e) {
      body =
          ("{\"title\":\"" + problem.title() + "\",\"status\":" + problem.status() + "}")
              .getBytes();
    }
    response.setStatusCode(problem.status());
    response.putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
    if (closeConnection) {
      // The body the client declared or is still sending is not read; close after answering.
      response.putHeader(HttpHeaders.CONNECTION, "close");
    }
    response.end(io.vertx.core.buffer.Buffer.buffer(body));
  }

  private static String reasonPhrase(int status) {
    io.netty.handler.codec.http.HttpResponseStatus known =
        io.netty.handler.codec.http.HttpResponseStatus.valueOf(status);
    return known.reasonPhrase();
  }
}
