package org.clearance.api.common.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clearance.api.common.error.FieldError;
import org.clearance.api.common.paging.QueryNumbers;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks what every API request carries outside its body, before any resource sees it, so that
 * endpoints added later are covered too: no path segment or query parameter holds a control
 * character or an unpaired surrogate (a path: 404, as no resource can have that name; a parameter:
 * 400 naming it), and {@code page} and {@code size} follow the one paging rule of {@link
 * QueryNumbers} on every list endpoint (400 {@code invalid-paging}).
 */
public class RequestInputFilter {

  /** Before matching: no resource has such a name, whoever asks. */
  @ServerRequestFilter(preMatching = true)
  public void checkPath(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if (path.startsWith("/api") && InputText.problemInLine(path) != null) {
      throw ProblemException.notFound("The resource " + printable(path));
    }
  }

  /** After matching, so that the resource's authentication check answers 401 first. */
  @ServerRequestFilter
  public void checkQuery(ContainerRequestContext request) {
    if (!request.getUriInfo().getPath().startsWith("/api")) {
      return;
    }
    MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
    List<FieldError> characterErrors = new ArrayList<>();
    for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
      String nameProblem = InputText.problemInLine(parameter.getKey());
      if (nameProblem != null) {
        characterErrors.add(new FieldError(printable(parameter.getKey()), "name " + nameProblem));
        continue;
      }
      for (String value : parameter.getValue()) {
        String problem = InputText.problemInLine(value);
        if (problem != null) {
          characterErrors.add(new FieldError(parameter.getKey(), problem));
          break;
        }
      }
    }
    if (!characterErrors.isEmpty()) {
      throw ProblemException.badRequest(
          "invalid-character",
          "The request has characters that are not accepted",
          "Query parameters may not contain control characters or unpaired surrogates.",
          characterErrors);
    }
    List<FieldError> pagingErrors = new ArrayList<>();
    checkPaging(query, "page", pagingErrors);
    checkPaging(query, "size", pagingErrors);
    if (!pagingErrors.isEmpty()) {
      throw ProblemException.badRequest(
          "invalid-paging",
          "The page cannot be read",
          "page is a whole number from 0 to "
              + QueryNumbers.MAX_PAGE
              + ", size one from 1 to "
              + QueryNumbers.MAX_PAGE_SIZE
              + "; each at most once.",
          pagingErrors);
    }
  }

  private static void checkPaging(
      MultivaluedMap<String, String> query, String name, List<FieldError> errors) {
    List<String> values = query.get(name);
    if (values == null) {
      return;
    }
    if (values.size() > 1) {
      errors.add(new FieldError(name, "must be given at most once"));
      return;
    }
    if ("page".equals(name)) {
      QueryNumbers.page(values.get(0), errors);
    } else {
      QueryNumbers.size(values.get(0), errors);
    }
  }

  /** The text with control characters shown as escapes, safe to echo in a problem detail. */
  private static String printable(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .limit(200)
        .forEach(
            c -> {
              if (Character.isISOControl(c) || Character.isSurrogate((char) c)) {
                out.append(String.format("\\u%04x", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }
}
