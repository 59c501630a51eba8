package org.clearance.api.documents.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.clearance.api.common.error.FieldError;
import org.clearance.api.common.rest.ProblemException;
import org.clearance.api.documents.domain.CaseDocument;
import org.clearance.api.documents.service.DocumentService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/api/cases/{caseId}/documents")
@Authenticated
@Tag(name = "Supporting documents")
public class DocumentResource {

  private final DocumentService documents;

  DocumentResource(DocumentService documents) {
    this.documents = documents;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "List a case's supporting documents")
  public List<DocumentResponse> list(@PathParam("caseId") UUID caseId) {
    return documents.list(caseId).stream().map(DocumentResponse::of).toList();
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Upload a supporting document to a draft (multipart field 'file')")
  @APIResponse(responseCode = "201", description = "Stored; the body carries its SHA-256")
  @APIResponse(responseCode = "409", description = "The case is no longer a draft")
  @APIResponse(responseCode = "413", description = "Larger than clearance.documents.max-size")
  @APIResponse(responseCode = "415", description = "Content type not accepted")
  public Response upload(
      @PathParam("caseId") UUID caseId, @RestForm("file") FileUpload file, @Context UriInfo uri) {
    if (file == null) {
      throw ProblemException.badRequest(
          "validation-failed",
          "No document was sent",
          "Send the document as multipart/form-data in a part named 'file'.",
          List.of(new FieldError("file", "is required")));
    }
    CaseDocument stored =
        documents.upload(
            caseId,
            new DocumentService.Upload(
                file.fileName(), file.contentType(), file.size(), file.uploadedFile()));
    return Response.created(uri.getAbsolutePathBuilder().path(stored.id().toString()).build())
        .entity(DocumentResponse.of(stored))
        .build();
  }

  @GET
  @Path("{documentId}")
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "Download a document: the bytes as uploaded, with their SHA-256 digest")
  public Response download(
      @PathParam("caseId") UUID caseId, @PathParam("documentId") UUID documentId) {
    DocumentService.Download download = documents.download(caseId, documentId);
    CaseDocument document = download.document();
    String digest = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(document.sha256()));
    return Response.ok(download.bytes(), document.contentType())
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + document.filename().replace("\"", "_") + "\"")
        .header("Repr-Digest", "sha-256=:" + digest + ":")
        .header("ETag", "\"" + document.sha256() + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  @DELETE
  @Path("{documentId}")
  @Operation(summary = "Remove a document from a draft")
  @APIResponse(responseCode = "204", description = "Removed")
  public void remove(@PathParam("caseId") UUID caseId, @PathParam("documentId") UUID documentId) {
    documents.remove(caseId, documentId);
  }
}
