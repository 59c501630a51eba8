package org.clearance.api.screening;

import static org.clearance.api.support.Applications.as;

import io.restassured.response.Response;
import java.util.UUID;

/** Small list files written for the tests, with names no other test's party resembles. */
public final class ScreeningLists {

  public static final String CSL_HEADER =
      "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,"
          + "start_date,end_date,standard_order,license_requirement,license_policy,call_sign,"
          + "vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,"
          + "source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,"
          + "source_information_url,ids\n";

  private ScreeningLists() {}

  /** One CSL CSV row with the columns the matcher reads. */
  public static String cslRow(String id, String type, String name, String aliases, String address) {
    return id
        + ",EL,"
        + id
        + ","
        + type
        + ",EAR,\""
        + name
        + "\",,\""
        + address
        + "\",,,,,,,,,,,,,fictitious,,\""
        + aliases
        + "\",,,,,,\n";
  }

  public static String source() {
    return "TEST-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public static Response upload(String format, String source, String contentType, String body) {
    return as("adam")
        .contentType(contentType)
        .queryParam("format", format)
        .queryParam("source", source)
        .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .post("/api/admin/screening-lists");
  }
}
