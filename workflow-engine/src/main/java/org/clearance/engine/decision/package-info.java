/**
 * DMN decisions: parsing, validation and evaluation on dmn-scala, with Zeebe's behaviour.
 *
 * <p>{@link org.clearance.engine.decision.DecisionEngine} is the entry point: one instance per
 * engine (a CDI {@code @Singleton} to inject, or {@code new} in tests), thread-safe, without state
 * of its own. This package stores nothing; the core wires it in as follows.
 *
 * <h2>Deployment ({@code DeployResource})</h2>
 *
 * <ul>
 *   <li>For each resource whose name ends in {@code .dmn}, call {@code parse(resourceName, bytes)}.
 *       A {@link org.clearance.engine.decision.DecisionValidationException} rejects the whole
 *       deployment with INVALID_ARGUMENT and its message, which names resource, decision, rule and
 *       problem.
 *   <li>Reject the deployment if two of its resources define the same DRG id or the same decision
 *       id, as Zeebe does.
 *   <li>Store the resource and its metadata: a decision requirements row per DRG ({@code id()},
 *       {@code name()}, {@code resourceName()}, {@code checksum()}, the resource bytes) and a
 *       decision row per {@link
 *       org.clearance.engine.decision.ParsedDecisionRequirements#decisions() decision} (decision
 *       id, name, DRG key).
 *   <li>Versions count per DRG id and per decision id. If the latest version of the DRG has the
 *       same resource name and checksum, the redeploy is a duplicate: answer with the existing
 *       versions and keys, as Zeebe does. Otherwise the DRG and each of its decisions get the next
 *       version of their id and new keys.
 *   <li>Answer with a {@code DecisionRequirementsMetadata} (dmnDecisionRequirementsId, name,
 *       version, key, resourceName) and a {@code DecisionMetadata} per decision.
 * </ul>
 *
 * <h2>Evaluation</h2>
 *
 * <ul>
 *   <li>Cache {@code ParsedDecisionRequirements} by DRG key and parse the stored resource on a miss
 *       (parsing is deterministic and costs about a thousand evaluations). Never parse per
 *       evaluation.
 *   <li>{@code EvaluateDecision}: find the decision by {@code decisionKey}, or the latest version
 *       of {@code decisionId}; none is NOT_FOUND. Call {@code evaluate(drg, decisionId,
 *       variablesJson)}; a {@link org.clearance.engine.decision.DecisionNotFoundException} (stored
 *       metadata and resource disagree) is NOT_FOUND too. The call answers OK even when the
 *       evaluation failed: copy {@code decisionOutput}, {@code evaluatedDecisions} (adding the
 *       stored key and version of each decision), {@code failedDecisionId} and {@code
 *       failureMessage} ({@code ""} for {@code null}) into {@code EvaluateDecisionResponse}, with
 *       the DRG id and key.
 *   <li>Business rule task with {@code zeebe:calledDecision decisionId="…" resultVariable="…"}: on
 *       activation, after input mappings, evaluate {@code decisionId} if it is an expression
 *       ({@code =…}, must give a string) and look up the latest decision with that id; if there is
 *       none, raise a CALLED_DECISION_ERROR incident naming the id. Evaluate it with all variables
 *       visible from the element instance. On success set {@code resultVariable} to the parsed
 *       {@code decisionOutput} (may be {@code null}): without output mappings it is merged into the
 *       process instance, with output mappings it is local and the mappings decide; then complete
 *       the element. On {@link org.clearance.engine.decision.DecisionEvaluation#isFailure()
 *       failure} raise a DECISION_EVALUATION_ERROR incident with {@code failureMessage}; resolving
 *       it evaluates again with the then current variables.
 *   <li>Write each evaluation (evaluated or failed, with its evaluated decisions) to the record
 *       log, like Zeebe's DECISION_EVALUATION records.
 * </ul>
 *
 * <h2>Values</h2>
 *
 * <p>Variables come in as a JSON object (read so that numbers stay exact) or as maps, lists,
 * strings, numbers, booleans and nulls. Results go out as JSON text: integral numbers as exact
 * integers (10^26 is {@code 100000000000000000000000000}), other numbers as plain decimals; dates,
 * times, date-times and durations as ISO-8601 strings; functions as {@code null}.
 */
package org.clearance.engine.decision;
