package org.clearance.api.dashboard;

import static org.clearance.api.cases.domain.CaseStatus.APPROVED;
import static org.clearance.api.cases.domain.CaseStatus.AWAITING_APPLICANT;
import static org.clearance.api.cases.domain.CaseStatus.AWAITING_APPROVAL;
import static org.clearance.api.cases.domain.CaseStatus.COUNTERSIGN;
import static org.clearance.api.cases.domain.CaseStatus.DENIED;
import static org.clearance.api.cases.domain.CaseStatus.NO_LICENCE_REQUIRED;
import static org.clearance.api.cases.domain.CaseStatus.SCREENING;
import static org.clearance.api.cases.domain.CaseStatus.UNDER_REVIEW;
import static org.clearance.api.cases.domain.CaseStatus.WITHDRAWN;
import static org.clearance.api.support.Applications.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.clearance.api.support.WorkflowEngineTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exact dashboard figures on small data sets of organisations no other test uses. Durations are in
 * whole hours; expected percentiles are worked out by hand with linear interpolation
 * (percentile_cont): p at position q * (n - 1) of the sorted values.
 */
@QuarkusTest
@WithTestResource(WorkflowEngineTestResource.class)
class DashboardFiguresTest {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final String FIGURES = "dash-figures-org";
  static final String THROUGHPUT = "dash-throughput-org";
  static final String FILTERS = "dash-filters-org";

  static boolean seeded;
  static LocalDate thisMonday;

  @Inject AgroalDataSource dataSource;

  @BeforeEach
  void seed() {
    if (seeded) {
      return;
    }
    seeded = true;
    CaseSeed seed = new CaseSeed(dataSource);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    // Figures: hours per status before the next; "stays open" = the case is there now.
    // A: screening 1+2=3, review 10+20=30 (48 awaiting the applicant excluded), approval 5,
    //    total 38
    seed.submitted(FIGURES, daysAgo(now, 100))
        .then(1, SCREENING)
        .then(2, UNDER_REVIEW)
        .then(10, AWAITING_APPLICANT)
        .then(48, UNDER_REVIEW)
        .then(20, AWAITING_APPROVAL)
        .then(5, APPROVED);
    // B: screening 6, review 50, approval 3+2=5, total 61
    seed.submitted(FIGURES, daysAgo(now, 50))
        .then(1, SCREENING)
        .then(5, UNDER_REVIEW)
        .then(50, AWAITING_APPROVAL)
        .then(3, COUNTERSIGN)
        .then(2, DENIED);
    // C: screening 4, total 4
    seed.submitted(FIGURES, daysAgo(now, 20)).then(2, SCREENING).then(2, NO_LICENCE_REQUIRED);
    // D: screening 8, stays in review; 45 days old
    seed.submitted(FIGURES, daysAgo(now, 45)).then(4, SCREENING).then(4, UNDER_REVIEW);
    // E: stays submitted; 5 days old
    seed.submitted(FIGURES, daysAgo(now, 5));
    // F: screening 2, stays awaiting the applicant (still the review stage); 15 days old
    seed.submitted(FIGURES, daysAgo(now, 15))
        .then(1, SCREENING)
        .then(1, UNDER_REVIEW)
        .then(30, AWAITING_APPLICANT);
    // G: screening 2, stays in review; 75 days old
    seed.submitted(FIGURES, daysAgo(now, 75)).then(1, SCREENING).then(1, UNDER_REVIEW);
    // H: screening 2, review 40, stays awaiting approval; 120 days old
    seed.submitted(FIGURES, daysAgo(now, 120))
        .then(1, SCREENING)
        .then(1, UNDER_REVIEW)
        .then(40, AWAITING_APPROVAL);
    // J: screening 2, approval 4, sent back to review where it stays; 65 days old
    seed.submitted(FIGURES, daysAgo(now, 65))
        .then(1, SCREENING)
        .then(1, UNDER_REVIEW)
        .then(10, AWAITING_APPROVAL)
        .then(4, UNDER_REVIEW);
    // A draft is never counted.
    seed.draft(FIGURES, daysAgo(now, 3), List.of("JP"), List.of("4E091"));

    // Throughput over 4 weeks (k = weeks before this one), each event on a Monday 02:00 London.
    thisMonday = LocalDate.now(LONDON).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    // submitted in week 3, approved in week 1 (360 hours later: the Tuesday)
    seed.submitted(THROUGHPUT, monday(3))
        .then(1, SCREENING)
        .then(1, UNDER_REVIEW)
        .then(300, AWAITING_APPROVAL)
        .then(58, APPROVED);
    // submitted in week 3, still open
    seed.submitted(THROUGHPUT, monday(3));
    // submitted and withdrawn in week 2
    seed.submitted(THROUGHPUT, monday(2)).then(1, WITHDRAWN);
    // submitted in week 1, still open
    seed.submitted(THROUGHPUT, monday(1)).then(1, SCREENING);
    // submitted in week 5 (before the window), denied in week 3
    seed.submitted(THROUGHPUT, monday(5))
        .then(1, SCREENING)
        .then(1, UNDER_REVIEW)
        .then(300, AWAITING_APPROVAL)
        .then(35, DENIED);

    // Filters: X to NZ (3A090.a) 40 days ago, Y to NZ and SG (4E091) 20 days ago,
    // Z to SG (3A090) 3 days ago; all still submitted.
    seed.submitted(FILTERS, daysAgo(now, 40), List.of("NZ"), List.of("3A090.a"));
    seed.submitted(FILTERS, daysAgo(now, 20), List.of("NZ", "SG"), List.of("4E091"));
    seed.submitted(FILTERS, daysAgo(now, 3), List.of("SG"), List.of("3A090"));
  }

  static Instant daysAgo(Instant now, int days) {
    return now.minus(Duration.ofDays(days));
  }

  static Instant monday(int weeksAgo) {
    return thisMonday.minusWeeks(weeksAgo).atTime(2, 0).atZone(LONDON).toInstant();
  }

  @Test
  void shouldCountSubmittedCasesPerStatusAndStageButNoDraft() {
    as("max")
        .queryParam("organisation", FIGURES)
        .when()
        .get("/api/dashboard/summary")
        .then()
        .statusCode(200)
        .body("casesByStatus.DRAFT", nullValue())
        .body("casesByStatus.SUBMITTED", equalTo(1))
        .body("casesByStatus.SCREENING", equalTo(0))
        .body("casesByStatus.UNDER_REVIEW", equalTo(3))
        .body("casesByStatus.AWAITING_APPLICANT", equalTo(1))
        .body("casesByStatus.AWAITING_APPROVAL", equalTo(1))
        .body("casesByStatus.COUNTERSIGN", equalTo(0))
        .body("casesByStatus.APPROVED", equalTo(1))
        .body("casesByStatus.DENIED", equalTo(1))
        .body("casesByStatus.NO_LICENCE_REQUIRED", equalTo(1))
        .body("casesByStatus.RETURNED_WITHOUT_ACTION", equalTo(0))
        .body("casesByStatus.WITHDRAWN", equalTo(0))
        .body("casesByStage.SCREENING", equalTo(1))
        .body("casesByStage.REVIEW", equalTo(4))
        .body("casesByStage.APPROVAL", equalTo(1))
        .body("casesByStage.CLOSED", equalTo(3))
        .body("openCases", equalTo(6));
  }

  @Test
  void shouldBucketOpenCasesByCalendarDaysSinceSubmission() {
    as("max")
        .queryParam("organisation", FIGURES)
        .when()
        .get("/api/dashboard/summary")
        .then()
        .statusCode(200)
        .body("ageing.bucket", contains("0-9", "10-29", "30-59", "60-89", "90+"))
        .body("ageing.minDays", contains(0, 10, 30, 60, 90))
        .body("ageing.maxDays", contains(9, 29, 59, 89, null))
        // E (5 days), F (15), D (45), G (75) and J (65), H (120); closed A, B, C not counted
        .body("ageing.cases", contains(1, 1, 1, 2, 1));
  }

  @Test
  void shouldGiveCycleTimePercentilesOfFinishedStagesWithoutApplicantWaiting() {
    // given the cases above, over a year so that every stage exit lies in the window
    // when
    var response =
        as("max")
            .queryParam("organisation", FIGURES)
            .queryParam("weeks", 52)
            .when()
            .get("/api/dashboard/summary")
            .then()
            .statusCode(200);

    // then
    // screening: A3 B6 C4 D8 F2 G2 H2 J2 -> 2,2,2,2,3,4,6,8 (E is still in it)
    //   p50 at 3.5 -> 2.5; p90 at 6.3 -> 6 + 0.3 * 2 = 6.6
    // review: A30 B50 H40 (D, F, G, J are in review now) -> 30,40,50: p50 40; p90 at 1.8 -> 48
    // approval: A5 B5 J4 -> 4,5,5: p50 5, p90 5 (H is in approval now)
    // total: A38 B61 C4 -> 4,38,61: p50 38; p90 at 1.8 -> 38 + 0.8 * 23 = 56.4
    response
        .body("cycleTimes.stage", contains("SCREENING", "REVIEW", "APPROVAL", "TOTAL"))
        .body("cycleTimes.cases", contains(8, 3, 3, 3))
        .body("cycleTimes.p50Hours", contains(2.5f, 40.0f, 5.0f, 38.0f))
        .body("cycleTimes.p90Hours", contains(6.6f, 48.0f, 5.0f, 56.4f));
  }

  @Test
  void shouldLeaveCycleTimesOfStagesFinishedBeforeTheWindowOut() {
    // one week back from this one: none of the figures cases left a stage in it
    as("max")
        .queryParam("organisation", FIGURES)
        .queryParam("weeks", 1)
        .when()
        .get("/api/dashboard/summary")
        .then()
        .statusCode(200)
        .body("cycleTimes.cases", contains(0, 0, 0, 0))
        .body("cycleTimes.p50Hours", contains(null, null, null, null));
  }

  @Test
  void shouldCountSubmissionsAndDecisionsPerIsoWeek() {
    as("max")
        .queryParam("organisation", THROUGHPUT)
        .queryParam("weeks", 4)
        .when()
        .get("/api/dashboard/summary")
        .then()
        .statusCode(200)
        .body(
            "throughput.weekStart",
            contains(
                thisMonday.minusWeeks(3).toString(),
                thisMonday.minusWeeks(2).toString(),
                thisMonday.minusWeeks(1).toString(),
                thisMonday.toString()))
        .body("throughput[3].week", equalTo(isoWeek(thisMonday)))
        .body("throughput.submitted", contains(2, 1, 1, 0))
        .body("throughput.decided", contains(1, 1, 1, 0))
        .body("window.from", equalTo(monday(3).minus(Duration.ofHours(2)).toString()));
  }

  @Test
  void shouldEndTheWeeksWithTheWeekOfTo() {
    // to = the Sunday two weeks back: weeks 3 and 2 only (cases submitted up to that day)
    as("max")
        .queryParam("organisation", THROUGHPUT)
        .queryParam("weeks", 2)
        .queryParam("to", thisMonday.minusWeeks(1).minusDays(1).toString())
        .when()
        .get("/api/dashboard/summary")
        .then()
        .statusCode(200)
        .body(
            "throughput.weekStart",
            contains(thisMonday.minusWeeks(3).toString(), thisMonday.minusWeeks(2).toString()))
        .body("throughput.submitted", contains(2, 1))
        // the week-5 case denied in week 3 and the case withdrawn in week 2; the approval of
        // week 1 lies after the window
        .body("throughput.decided", contains(1, 1));
  }

  @Test
  void shouldFilterByDestinationClassificationAndSubmissionDate() {
    LocalDate today = LocalDate.now(LONDON);
    filtered("destination", "nz").body("casesByStatus.SUBMITTED", equalTo(2));
    filtered("destination", "SG").body("casesByStatus.SUBMITTED", equalTo(2));
    filtered("classification", "3A090").body("casesByStatus.SUBMITTED", equalTo(2));
    filtered("classification", "3A090.a").body("casesByStatus.SUBMITTED", equalTo(1));
    filtered("from", today.minusDays(25).toString()).body("casesByStatus.SUBMITTED", equalTo(2));
    filtered("to", today.minusDays(30).toString()).body("casesByStatus.SUBMITTED", equalTo(1));
    as("max")
        .queryParam("organisation", FILTERS)
        .queryParam("destination", "SG")
        .queryParam("classification", "3A090")
        .get("/api/dashboard/summary")
        .then()
        .statusCode(200)
        .body("casesByStatus.SUBMITTED", equalTo(1))
        .body("ageing.cases", contains(1, 0, 0, 0, 0))
        .body("filters.destination", equalTo("SG"))
        .body("filters.classification", equalTo("3A090"));
    as("max")
        .queryParam("organisation", "nobody-at-all")
        .get("/api/dashboard/summary")
        .then()
        .statusCode(200)
        .body("openCases", equalTo(0))
        .body("casesByStage.CLOSED", equalTo(0));
  }

  private io.restassured.response.ValidatableResponse filtered(String name, String value) {
    return as("max")
        .queryParam("organisation", FILTERS)
        .queryParam(name, value)
        .when()
        .get("/api/dashboard/summary")
        .then()
        .statusCode(200);
  }

  static String isoWeek(LocalDate monday) {
    return "%d-W%02d"
        .formatted(
            monday.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
            monday.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }
}
