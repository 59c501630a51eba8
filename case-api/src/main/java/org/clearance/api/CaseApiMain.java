package org.clearance.api;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/** Starts case-api. */
@QuarkusMain
public class CaseApiMain {

  /**
   * Quarkus answers a request target that is not a valid URI with an empty 400 before any route
   * runs. With its check off, {@code common.rest.HttpLayerProblems} makes the same check and
   * answers problem+json. Set before Quarkus starts: the check reads it once, at class load.
   */
  static final String DISABLE_URI_VALIDATION = "vertx.disableURIValidation";

  public static void main(String... args) {
    System.setProperty(DISABLE_URI_VALIDATION, "true");
    Quarkus.run(args);
  }
}
