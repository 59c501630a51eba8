package org.clearance.api.documents.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DocumentRepository implements PanacheRepositoryBase<CaseDocument, UUID> {

  public List<CaseDocument> ofCase(UUID caseId) {
    return list("caseId = ?1 order by uploadedAt, id", caseId);
  }

  public Optional<CaseDocument> ofCase(UUID caseId, UUID documentId) {
    return find("id = ?1 and caseId = ?2", documentId, caseId).firstResultOptional();
  }

  public void store(CaseDocument document, byte[] bytes) {
    persist(document);
    getEntityManager().persist(new DocumentContent(document.id(), bytes));
  }

  public byte[] bytesOf(CaseDocument document) {
    return getEntityManager().find(DocumentContent.class, document.id()).bytes();
  }

  public void remove(CaseDocument document) {
    DocumentContent content = getEntityManager().find(DocumentContent.class, document.id());
    if (content != null) {
      getEntityManager().remove(content);
    }
    delete(document);
  }
}
