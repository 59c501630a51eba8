package org.clearance.api.screening.lists;

/** A list file that cannot be read; {@code where} names the line or the JSON record. */
public class ListFormatException extends RuntimeException {

  private final String where;

  public ListFormatException(String where, String problem) {
    super(where + ": " + problem);
    this.where = where;
  }

  public String where() {
    return where;
  }
}
