/**
 * Things that happen to a case, fired as CDI events inside the transaction that made them happen
 * ({@code Event<T>.fire}); observers (notifications, dashboards) react in that same transaction
 * with {@code @Observes}, so a rolled-back change leaves no trace in them either.
 *
 * <p>The process side (workflow, tasks, SLA) fires them; nothing here knows who listens.
 */
package org.clearance.api.cases.domain.event;
