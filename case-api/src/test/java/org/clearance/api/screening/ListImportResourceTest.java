package org.clearance.api.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearance.api.screening.ScreeningLists.CSL_HEADER;
import static org.clearance.api.screening.ScreeningLists.cslRow;
import static org.clearance.api.screening.ScreeningLists.source;
import static org.clearance.api.screening.ScreeningLists.upload;
import static org.clearance.api.support.Applications.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ListImportResourceTest {

  @Test
  void shouldImportACslCsvAsAVersionWithChecksumCountAndImporter() {
    // given
    String source = source();
    String csv =
        CSL_HEADER
            + cslRow(
                "t-1", "Entity", "Quillmarsh Vantablade Holdings", "Quillmarsh VH", "Zone 4, CH")
            + cslRow("t-2", "Individual", "Perpetua Oakhollow", "", "");

    // when
    JsonPath version =
        upload("csl-csv", source, "text/csv", csv)
            .then()
            .statusCode(201)
            .header("Location", containsString("/api/admin/screening-lists/"))
            .extract()
            .jsonPath();

    // then
    assertThat(version.getInt("entryCount")).isEqualTo(2);
    assertThat(version.getString("checksum")).hasSize(64);
    assertThat(version.getString("importedBy")).isEqualTo("adam");
    long id = version.getLong("id");
    as("adam")
        .get("/api/admin/screening-lists")
        .then()
        .statusCode(200)
        .body("id", hasItem((int) id));
    as("adam")
        .queryParam("q", "oakhollow")
        .get("/api/admin/screening-lists/" + id + "/entries")
        .then()
        .statusCode(200)
        .body("totalItems", equalTo(1))
        .body("items[0].type", equalTo("PERSON"));
    // and the new version is screened against at once
    as("leo")
        .contentType(ContentType.JSON)
        .body("{\"name\": \"Vantablade Quillmarsh Holdings AG\", \"country\": \"CH\"}")
        .post("/api/screening/search")
        .then()
        .statusCode(200)
        .body("hits[0].entryKey", equalTo("t-1"))
        .body("listVersions", hasItem(version.getString("label")));
  }

  @Test
  void shouldImportOpenSanctionsEntitiesAndSkipOtherSchemata() {
    String jsonl =
        "{\"id\": \"ft-1\", \"schema\": \"Person\", \"datasets\": [\"test\"], \"properties\":"
            + " {\"name\": [\"Ignatius Fernwhistle\"], \"weakAlias\": [\"Iggy\"], \"nationality\":"
            + " [\"nz\"], \"birthDate\": [\"1961-02-03\"]}}\n"
            + "{\"id\": \"ft-1-s\", \"schema\": \"Sanction\", \"properties\": {\"entity\": [\"ft-1\"]}}\n"
            + "{\"id\": \"ft-2\", \"schema\": \"Company\", \"properties\": {\"name\":"
            + " [\"Brackenmoor Ferrite Works\"], \"country\": [\"nz\"]}}\n";
    upload("ftm-jsonl", source(), "application/x-ndjson", jsonl)
        .then()
        .statusCode(201)
        .body("entryCount", equalTo(2))
        .body("format", equalTo("FTM_JSONL"));
  }

  @Test
  void shouldImportTheCslJsonFormat() {
    String json =
        "{\"total\": 1, \"results\": [{\"_id\": \"j-1\", \"source\": \"DPL\", \"type\": \"Entity\","
            + " \"name\": \"Thistledown Cryoforge Ltd\", \"alt_names\": [\"Thistledown\"],"
            + " \"addresses\": [{\"country\": \"IE\"}]}]}";
    upload("csl-json", source(), "application/json", json)
        .then()
        .statusCode(201)
        .body("entryCount", equalTo(1));
  }

  @Test
  void shouldKeepNothingOfAFileWithABrokenLineAndNameTheLine() {
    // given a file whose third entry has no name
    String source = source();
    String csv =
        CSL_HEADER
            + cslRow("b-1", "Entity", "Gorsebrook Lumen Systems", "", "")
            + cslRow("b-2", "Entity", "Heatherline Vortex Labs", "", "")
            + cslRow("b-3", "Entity", "", "", "");

    // when
    upload("csl-csv", source, "text/csv", csv)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", containsString("list-file-invalid"))
        .body("detail", containsString("line 4"))
        .body("errors[0].field", equalTo("line 4"));

    // then no version of that source exists, and its first entries are not screened against
    assertThat(as("adam").get("/api/admin/screening-lists").jsonPath().getList("source"))
        .doesNotContain(source);
    as("leo")
        .contentType(ContentType.JSON)
        .body("{\"name\": \"Gorsebrook Lumen Systems\"}")
        .post("/api/screening/search")
        .then()
        .statusCode(200)
        .body("hits.size()", equalTo(0));
  }

  @Test
  void shouldRejectBadParametersAndNonAdmins() {
    upload("xml", "", "text/csv", "x")
        .then()
        .statusCode(400)
        .body("errors.field", org.hamcrest.Matchers.hasItems("format", "source"));
    as("leo")
        .contentType("text/csv")
        .queryParam("format", "csl-csv")
        .queryParam("source", "X")
        .body(CSL_HEADER)
        .post("/api/admin/screening-lists")
        .then()
        .statusCode(403);
    as("leo").get("/api/admin/screening-lists").then().statusCode(403);
  }

  @Test
  void shouldDiffTwoVersionsByEntryKeyAndContent() {
    String source = source();
    long first =
        upload(
                "csl-csv",
                source,
                "text/csv",
                CSL_HEADER
                    + cslRow("d-1", "Entity", "Larchvale Ionics", "", "")
                    + cslRow("d-2", "Entity", "Mossgrove Tensor Works", "", ""))
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    long second =
        upload(
                "csl-csv",
                source,
                "text/csv",
                CSL_HEADER
                    + cslRow("d-1", "Entity", "Larchvale Ionics", "Larchvale", "")
                    + cslRow("d-3", "Entity", "Nettlecombe Gyro Ltd", "", ""))
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    as("adam")
        .queryParam("against", first)
        .get("/api/admin/screening-lists/" + second + "/diff")
        .then()
        .statusCode(200)
        .body("added", equalTo(1))
        .body("removed", equalTo(1))
        .body("changed", equalTo(1))
        .body("addedEntries[0].key", equalTo("d-3"))
        .body("removedEntries[0].key", equalTo("d-2"))
        .body("changedEntries[0].key", equalTo("d-1"));
  }
}
