package org.clearance.api.common.rest;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Every error response of the API document is problem+json: each 4xx and 5xx an operation declares
 * gets the {@code Problem} schema (kept in components), and every operation under /api declares
 * 401. Resources declare only status and description; no copied {@code @Content} blocks.
 */
public class ProblemResponsesFilter implements OASFilter {

  static final String SCHEMA = "Problem";
  private static final String REF = "#/components/schemas/" + SCHEMA;

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getComponents() == null) {
      openAPI.setComponents(OASFactory.createComponents());
    }
    openAPI.getComponents().addSchema(SCHEMA, problemSchema());
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
      if (path.getValue().getOperations() == null) {
        continue;
      }
      for (Operation operation : path.getValue().getOperations().values()) {
        if (operation.getResponses() == null) {
          operation.setResponses(OASFactory.createAPIResponses());
        }
        if (path.getKey().startsWith("/api") && !operation.getResponses().hasAPIResponse("401")) {
          operation
              .getResponses()
              .addAPIResponse(
                  "401",
                  OASFactory.createAPIResponse()
                      .description("No bearer token, or one not issued for this API"));
        }
        Map<String, APIResponse> responses = operation.getResponses().getAPIResponses();
        if (responses == null) {
          continue;
        }
        for (Map.Entry<String, APIResponse> response : responses.entrySet()) {
          if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
            response.getValue().setContent(problemContent());
          }
        }
      }
    }
  }

  private static Content problemContent() {
    return OASFactory.createContent()
        .addMediaType(
            Problem.MEDIA_TYPE,
            OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF)));
  }

  private static Schema problemSchema() {
    Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    return OASFactory.createSchema()
        .addType(Schema.SchemaType.OBJECT)
        .description("An RFC 9457 problem document")
        .required(List.of("type", "title", "status"))
        .addProperty(
            "type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri"))
        .addProperty("title", text)
        .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
        .addProperty("detail", text)
        .addProperty(
            "errors",
            OASFactory.createSchema()
                .addType(Schema.SchemaType.ARRAY)
                .description("The offending fields of a rejected request")
                .items(
                    OASFactory.createSchema()
                        .addType(Schema.SchemaType.OBJECT)
                        .addProperty("field", text)
                        .addProperty("message", text)));
  }
}
