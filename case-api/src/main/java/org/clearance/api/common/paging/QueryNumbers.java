package org.clearance.api.common.paging;

import java.util.List;
import org.clearance.api.common.error.FieldError;

/** Whole-number query parameters (paging and the like), read with a field error when invalid. */
public final class QueryNumbers {

  /** The largest page size of the list endpoints. */
  public static final int MAX_PAGE_SIZE = 100;

  /** The last page number: the offset of a page (page times size) always fits an int. */
  public static final int MAX_PAGE = Integer.MAX_VALUE / MAX_PAGE_SIZE - 1;

  private QueryNumbers() {}

  /**
   * The parameter as a number from {@code min} to {@code max}; otherwise {@code min}, with an error
   * naming the field added to {@code errors}.
   */
  public static int wholeNumber(
      String field, String raw, int min, int max, List<FieldError> errors) {
    try {
      // Digits only: no sign, no blanks, no fraction, nothing Integer.parseInt would also take.
      if (!raw.matches("[0-9]{1,10}")) {
        throw new NumberFormatException(raw);
      }
      int value = Integer.parseInt(raw);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(new FieldError(field, "must be a whole number from " + min + " to " + max));
    return min;
  }

  /** A page number: from 0 to {@link #MAX_PAGE}. */
  public static int page(String raw, List<FieldError> errors) {
    return wholeNumber("page", raw, 0, MAX_PAGE, errors);
  }

  /** A page size: from 1 to {@link #MAX_PAGE_SIZE}. */
  public static int size(String raw, List<FieldError> errors) {
    return wholeNumber("size", raw, 1, MAX_PAGE_SIZE, errors);
  }
}
