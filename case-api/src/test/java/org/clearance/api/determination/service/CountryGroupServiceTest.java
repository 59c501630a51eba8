package org.clearance.api.determination.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.clearance.api.determination.domain.CountryGroup;
import org.clearance.api.support.WorkflowEngineTestResource;
import org.junit.jupiter.api.Test;

/** The most restrictive country group of a case's destinations, on the seeded, dated table. */
@QuarkusTest
@WithTestResource(WorkflowEngineTestResource.class)
class CountryGroupServiceTest {

  private static final LocalDate DAY = LocalDate.of(2026, 11, 27);

  @Inject CountryGroupService groups;

  @Test
  @TestTransaction
  void shouldTakeTheMostRestrictiveGroupOfAnyDestination() {
    assertThat(groups.mostRestrictive(List.of("JP"), DAY)).isEqualTo(CountryGroup.A1);
    // CN is in D:1 and D:5; with JP the case takes D:5
    assertThat(groups.mostRestrictive(List.of("JP", "CN"), DAY)).isEqualTo(CountryGroup.D5);
    assertThat(groups.mostRestrictive(List.of("CN", "IR", "JP"), DAY)).isEqualTo(CountryGroup.E1);
    assertThat(groups.mostRestrictive(List.of("CU", "JP", "JP"), DAY)).isEqualTo(CountryGroup.E2);
    assertThat(groups.mostRestrictive(List.of("ZZ"), DAY)).isEqualTo(CountryGroup.NONE);
    assertThat(groups.mostRestrictive(List.of(), DAY)).isEqualTo(CountryGroup.NONE);
  }

  @Test
  @TestTransaction
  void shouldRouteByTheGroupsInForceOnTheApplicationDate() {
    // given: Brazil joins D:1 from 2030 (rolled back after the test)
    LocalDate from = LocalDate.of(2030, 1, 1);
    groups.change("BR", Set.of(CountryGroup.D1), from, "test");

    // then
    assertThat(groups.mostRestrictive(List.of("BR", "JP"), from.minusDays(1)))
        .isEqualTo(CountryGroup.A1);
    assertThat(groups.mostRestrictive(List.of("BR", "JP"), from)).isEqualTo(CountryGroup.D1);
  }
}
