package org.clearance.api.cases.service;

import java.util.List;
import org.clearance.api.cases.domain.ExportCase;
import org.clearance.api.documents.domain.CaseDocument;

/**
 * How a caller wants a case shown (the REST layer's response record, say). Services call it inside
 * their transaction, where the case's items, parties and documents can still be read, so that only
 * the view leaves it and no entity crosses the transaction boundary.
 */
@FunctionalInterface
public interface CaseView<V> {

  V of(ExportCase exportCase, List<CaseDocument> documents);
}
