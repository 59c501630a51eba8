package org.clearance.api.determination.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.clearance.api.cases.domain.ExportCase;
import org.clearance.api.items.domain.CaseItem;

/**
 * The two facts the licence-requirement decision reads, fixed on the case at submission: the most
 * restrictive item classification and the most restrictive destination country group.
 */
@ApplicationScoped
public class RoutingFacts {

  /** Not controlled: the least restrictive classification. */
  public static final String EAR99 = "EAR99";

  /**
   * Controlled classifications in order of restriction, most restrictive first: AI model weights
   * (4E091), then advanced computing chips (3A090, 4A090); any other ECCN follows, EAR99 last.
   */
  private static final List<String> MOST_RESTRICTIVE_FIRST = List.of("4E091", "3A090", "4A090");

  private final CountryGroupService countryGroups;

  RoutingFacts(CountryGroupService countryGroups) {
    this.countryGroups = countryGroups;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void fix(ExportCase exportCase) {
    LocalDate day = applicationDate(exportCase);
    exportCase.recordRoutingFacts(
        classification(exportCase.items().stream().map(CaseItem::eccn).toList()),
        countryGroups.mostRestrictive(exportCase.destinations(), day).code());
  }

  public static LocalDate applicationDate(ExportCase exportCase) {
    return exportCase.submittedAt().atZone(ZoneOffset.UTC).toLocalDate();
  }

  /** The most restrictive ECCN of the items (sub-paragraphs count as their ECCN). */
  static String classification(List<String> eccns) {
    return eccns.stream()
        .filter(Objects::nonNull)
        .map(eccn -> eccn.contains(".") ? eccn.substring(0, eccn.indexOf('.')) : eccn)
        .min(Comparator.comparingInt(RoutingFacts::rank).thenComparing(Comparator.naturalOrder()))
        .orElse(EAR99);
  }

  private static int rank(String eccn) {
    int known = MOST_RESTRICTIVE_FIRST.indexOf(eccn);
    if (known >= 0) {
      return known;
    }
    return eccn.equalsIgnoreCase(EAR99) ? Integer.MAX_VALUE : MOST_RESTRICTIVE_FIRST.size();
  }
}
