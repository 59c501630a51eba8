package org.clearance.api.screening.lists;

import java.util.Locale;

/** The list formats Clearance imports. */
public enum ListFormat {
  /** The US Consolidated Screening List, CSV with the published header. */
  CSL_CSV,
  /** The Consolidated Screening List as JSON: {"results": [...]} or a bare array. */
  CSL_JSON,
  /** OpenSanctions FollowTheMoney entities, one JSON object per line. */
  FTM_JSONL;

  public static ListFormat parse(String value) {
    if (value == null) {
      return null;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT).replace('-', '_')) {
      case "csl_csv", "csv" -> CSL_CSV;
      case "csl_json", "json" -> CSL_JSON;
      case "ftm_jsonl", "ftm", "jsonl", "opensanctions" -> FTM_JSONL;
      default -> null;
    };
  }
}
