package org.clearance.api.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.clearance.api.common.error.Rejection;

/**
 * Serves the web UI's {@code index.html} for every GET that no API resource and no static file
 * answers, so deep links and reloads of the single-page app work (the app routes in the browser).
 * Static files of the ui jar ({@code META-INF/resources}) are served by Quarkus before this; paths
 * under {@code /api} and {@code /q}, and missing build assets, still answer a problem+json 404.
 */
@Path("/")
public class SinglePageAppResource {

  static final String INDEX = "META-INF/resources/index.html";

  @GET
  @Path("{path: .*}")
  public Response page(@PathParam("path") String path) {
    if (isReserved(path)) {
      throw Rejection.notFound("/" + path);
    }
    byte[] html = index();
    if (html == null) {
      throw Rejection.notFound("the web UI (it was not built into this case-api)");
    }
    CacheControl noCache = new CacheControl();
    noCache.setNoCache(true);
    return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .cacheControl(noCache)
        .build();
  }

  /** API and management paths, and hashed build assets, are never answered with the app. */
  static boolean isReserved(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    return p.equals("api")
        || p.startsWith("api/")
        || p.equals("q")
        || p.startsWith("q/")
        || p.startsWith("assets/");
  }

  private static byte[] index() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try (InputStream in = loader.getResourceAsStream(INDEX)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
