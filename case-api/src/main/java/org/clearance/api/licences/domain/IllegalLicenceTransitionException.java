package org.clearance.api.licences.domain;

/** A licence status change that the transition table does not allow. */
public class IllegalLicenceTransitionException extends RuntimeException {

  public IllegalLicenceTransitionException(String number, LicenceStatus from, LicenceStatus to) {
    super(
        "Licence " + number + " is " + from + " and cannot become " + to + ".", null, false, false);
  }
}
