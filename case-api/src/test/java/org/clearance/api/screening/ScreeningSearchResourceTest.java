package org.clearance.api.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearance.api.support.Applications.as;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ScreeningSearchResourceTest {

  @Test
  void shouldRankAnExplainedHitForAReorderedNameWithItsLegalFormChanged() {
    // when
    JsonPath result =
        as("leo")
            .contentType(ContentType.JSON)
            .body("{\"name\": \"PHOTONICS VOLGA, OOO\", \"country\": \"RU\"}")
            .post("/api/screening/search")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    // then the listed Volga Photonics GmbH comes first, as a potential match, with its reasons
    assertThat(result.getString("hits[0].listedName")).isEqualTo("Volga Photonics GmbH");
    assertThat(result.getBoolean("hits[0].potentialMatch")).isTrue();
    assertThat(result.getDouble("hits[0].score")).isGreaterThanOrEqualTo(0.9);
    assertThat(result.getList("hits[0].explanation.aligned.listedTokens", String.class))
        .containsExactlyInAnyOrder("volga", "photonics");
    assertThat(result.getString("hits[0].explanation.evidence[0].feature")).isEqualTo("country");
    assertThat(result.getList("listVersions", String.class)).contains("CSL-2026-11-20");
    assertThat(result.getString("algorithm")).isEqualTo("token-align-jw-dm/v3");
  }

  @Test
  void shouldReportNoHitForANameThatSharesOnlyAStockWord() {
    JsonPath result =
        as("adam")
            .contentType(ContentType.JSON)
            .body("{\"name\": \"International Trading Company\"}")
            .post("/api/screening/search")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(result.getList("hits")).isEmpty();
  }

  @Test
  void shouldNameEveryInvalidField() {
    as("leo")
        .contentType(ContentType.JSON)
        .body(
            "{\"name\": \"  \", \"country\": \"Russia\", \"type\": \"ROBOT\", \"birthDate\": \"1970-13-01\"}")
        .post("/api/screening/search")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItems("name", "country", "type", "birthDate"));
  }

  @Test
  void shouldReturnOnlyTheBestHitsUpToTheLimitAndSayWhetherMoreExist() {
    // given a name that shares words with two listed entries: all its hits, then the best only
    JsonPath all =
        as("leo")
            .contentType(ContentType.JSON)
            .body("{\"name\": \"Northern Harbour Electronics\"}")
            .post("/api/screening/search")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(all.getInt("limit")).isEqualTo(50);
    assertThat(all.getList("hits")).isNotEmpty();
    assertThat(all.getBoolean("more")).isFalse();

    // when
    JsonPath best =
        as("leo")
            .contentType(ContentType.JSON)
            .body("{\"name\": \"Northern Harbour Electronics\", \"limit\": 1}")
            .post("/api/screening/search")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    // then it is the first of all, and the response says whether there are more
    assertThat(best.getInt("limit")).isEqualTo(1);
    assertThat(best.getList("hits")).hasSize(1);
    assertThat(best.getDouble("hits[0].score")).isEqualTo(all.getDouble("hits[0].score"));
    assertThat(best.getBoolean("more")).isEqualTo(all.getList("hits").size() > 1);
  }

  @Test
  void shouldRefuseALimitOutOfRange() {
    as("leo")
        .contentType(ContentType.JSON)
        .body("{\"name\": \"Volga Photonics\", \"limit\": 0}")
        .post("/api/screening/search")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItems("limit"));
  }
}
