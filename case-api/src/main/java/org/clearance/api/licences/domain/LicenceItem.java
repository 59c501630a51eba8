package org.clearance.api.licences.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/**
 * What a licence allows for one item: at most {@code quantityLimit} units worth {@code valueLimit}.
 */
@Embeddable
public class LicenceItem {

  @Column(nullable = false)
  private String description;

  @Column(nullable = false)
  private String eccn;

  @Column(name = "quantity_limit", nullable = false)
  private BigDecimal quantityLimit;

  @Column(nullable = false)
  private String unit;

  @Column(name = "value_limit", nullable = false)
  private BigDecimal valueLimit;

  @Column(nullable = false)
  private String currency;

  protected LicenceItem() {}

  public LicenceItem(
      String description,
      String eccn,
      BigDecimal quantityLimit,
      String unit,
      BigDecimal valueLimit,
      String currency) {
    this.description = description;
    this.eccn = eccn;
    this.quantityLimit = quantityLimit;
    this.unit = unit;
    this.valueLimit = valueLimit;
    this.currency = currency;
  }

  public String description() {
    return description;
  }

  public String eccn() {
    return eccn;
  }

  public BigDecimal quantityLimit() {
    return quantityLimit == null ? null : quantityLimit.stripTrailingZeros();
  }

  public String unit() {
    return unit;
  }

  public BigDecimal valueLimit() {
    return valueLimit == null ? null : valueLimit.stripTrailingZeros();
  }

  public String currency() {
    return currency;
  }
}
