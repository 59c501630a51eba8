package org.clearance.api.audit.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.clearance.api.audit.domain.AuditEvent;
import org.clearance.api.audit.service.CaseAuditQueries;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/cases/{caseId}/audit")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class CaseAuditResource {

  private final CaseAuditQueries audit;
  private final ObjectMapper json;

  CaseAuditResource(CaseAuditQueries audit, ObjectMapper json) {
    this.audit = audit;
    this.json = json;
  }

  @GET
  @Operation(summary = "The audit events of a case, oldest first (whoever may read the case)")
  public List<AuditEventResponse> events(@PathParam("caseId") UUID caseId) {
    return audit.eventsOfCase(caseId, this::toResponse);
  }

  private AuditEventResponse toResponse(AuditEvent event) {
    // Details are JSON; a row edited by hand may not be, and is shown as text.
    JsonNode parsed = parse(event.detail());
    JsonNode detail = parsed != null ? parsed : TextNode.valueOf(event.detail());
    return new AuditEventResponse(
        event.position(),
        event.caseId(),
        event.occurredAt(),
        event.actor(),
        event.action(),
        detail,
        event.previousHash(),
        event.hash(),
        event.isSealed());
  }

  private JsonNode parse(String detail) {
    try {
      return json.readTree(detail);
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
