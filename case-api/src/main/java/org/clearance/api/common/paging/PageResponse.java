package org.clearance.api.common.paging;

import java.util.List;

/** One page of a list and where it sits in the whole. */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

  public static <T> PageResponse<T> of(List<T> items, int page, int size, long totalItems) {
    return new PageResponse<>(items, page, size, totalItems, (totalItems + size - 1) / size);
  }
}
