package org.clearance.api.items.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** One item of an application: goods, software, technology or an AI model's weights. */
@Entity
@Table(name = "case_item")
public class CaseItem {

  /** What an applicant states about an item; any field may still be missing in a draft. */
  public record Content(
      ItemKind kind,
      String description,
      String eccn,
      BigDecimal quantity,
      String unit,
      BigDecimal unitValue,
      String currency,
      Long parameterCount,
      BigDecimal trainingComputeOperations,
      WeightsAccess weights,
      String hostingControls) {}

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private int position;

  @Enumerated(EnumType.STRING)
  private ItemKind kind;

  private String description;
  private String eccn;
  private BigDecimal quantity;
  private String unit;

  @Column(name = "unit_value")
  private BigDecimal unitValue;

  private String currency;

  @Column(name = "parameter_count")
  private Long parameterCount;

  @Column(name = "training_compute_operations")
  private BigDecimal trainingComputeOperations;

  @Enumerated(EnumType.STRING)
  private WeightsAccess weights;

  @Column(name = "hosting_controls")
  private String hostingControls;

  protected CaseItem() {}

  /** A row of its case's list (the case owns the link: ExportCase maps case_id). */
  public CaseItem(int position, Content content) {
    this.position = position;
    update(content);
  }

  public void update(Content content) {
    kind = content.kind();
    description = content.description();
    eccn = content.eccn();
    quantity = content.quantity();
    unit = content.unit();
    unitValue = content.unitValue();
    currency = content.currency();
    parameterCount = content.parameterCount();
    trainingComputeOperations = content.trainingComputeOperations();
    weights = content.weights();
    hostingControls = content.hostingControls();
  }

  public Content content() {
    return new Content(
        kind,
        description,
        eccn,
        normalised(quantity),
        unit,
        normalised(unitValue),
        currency,
        parameterCount,
        normalised(trainingComputeOperations),
        weights,
        hostingControls);
  }

  /** Numbers without the column's trailing zeros, so that 5 and 5.0000 compare equal. */
  public static BigDecimal normalised(BigDecimal value) {
    return value == null ? null : value.stripTrailingZeros();
  }

  public Long id() {
    return id;
  }

  public String eccn() {
    return eccn;
  }
}
