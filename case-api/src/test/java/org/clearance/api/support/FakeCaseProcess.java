package org.clearance.api.support;

import io.quarkus.test.junit.QuarkusMock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.clearance.api.cases.domain.ExportCase;
import org.clearance.api.workflow.service.CaseProcessService;
import org.clearance.api.workflow.service.WorkflowUnavailableException;

/**
 * Stands in for the workflow engine's process commands in tests of the case side of submit and
 * withdraw, until the engine implements CreateProcessInstance. Tests of the real engine call live
 * in {@code CaseProcessEngineTest}.
 */
public class FakeCaseProcess extends CaseProcessService {

  private static final AtomicLong KEYS = new AtomicLong(2251799813685249L);

  public final List<String> started = new CopyOnWriteArrayList<>();
  public final List<Long> cancelled = new CopyOnWriteArrayList<>();
  public final List<Long> orphansCancelled = new CopyOnWriteArrayList<>();

  /** Messages published: "name correlationKey messageId". */
  public final List<String> published = new CopyOnWriteArrayList<>();

  private volatile boolean unavailable;
  private volatile Runnable afterStart = () -> {};
  private volatile Consumer<ExportCase> onCancel = exportCase -> {};

  public FakeCaseProcess() {
    super(null);
  }

  /** Installs a fresh fake for the current test. */
  public static FakeCaseProcess install() {
    FakeCaseProcess fake = new FakeCaseProcess();
    QuarkusMock.installMockForType(fake, CaseProcessService.class);
    return fake;
  }

  public FakeCaseProcess unavailable() {
    unavailable = true;
    return this;
  }

  /** Runs inside the submitting transaction right after the process "started". */
  public FakeCaseProcess afterStart(Runnable action) {
    afterStart = action;
    return this;
  }

  /** Runs inside the withdrawing transaction when the engine is asked to cancel the process. */
  public FakeCaseProcess onCancel(Consumer<ExportCase> action) {
    onCancel = action;
    return this;
  }

  @Override
  public long startProcess(ExportCase exportCase) {
    if (unavailable) {
      throw new WorkflowUnavailableException("The workflow engine is down (test).", null);
    }
    started.add(exportCase.reference());
    long key = KEYS.getAndIncrement();
    afterStart.run();
    return key;
  }

  @Override
  public void publishMessage(
      String name,
      String caseReference,
      String messageId,
      java.util.Map<String, Object> variables) {
    if (unavailable) {
      throw new WorkflowUnavailableException("The workflow engine is down (test).", null);
    }
    published.add(name + " " + caseReference + " " + messageId);
  }

  @Override
  public void cancelOrphan(long processInstanceKey, String reference) {
    orphansCancelled.add(processInstanceKey);
  }

  @Override
  public void cancelProcess(ExportCase exportCase) {
    if (unavailable) {
      throw new WorkflowUnavailableException("The workflow engine is down (test).", null);
    }
    onCancel.accept(exportCase);
    if (exportCase.processInstanceKey() != null) {
      cancelled.add(exportCase.processInstanceKey());
    }
  }
}
