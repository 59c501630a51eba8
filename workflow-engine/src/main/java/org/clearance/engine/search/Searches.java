package org.clearance.engine.search;

import static org.clearance.engine.search.SearchQuery.Kind.BOOL;
import static org.clearance.engine.search.SearchQuery.Kind.DATE;
import static org.clearance.engine.search.SearchQuery.Kind.INT;
import static org.clearance.engine.search.SearchQuery.Kind.KEY;
import static org.clearance.engine.search.SearchQuery.Kind.TEXT;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clearance.engine.command.AuthorizedTenants;
import org.clearance.engine.command.Rejection;
import org.clearance.engine.db.Db;
import org.clearance.engine.search.SearchQuery.Field;

/**
 * The searches and statistics of the REST API over the projected read tables ({@link
 * SearchProjector}) and the process definitions. Items are shaped as the Orchestration Cluster API
 * returns them: keys as strings, dates as RFC 3339, with the tenant of each row. Every search and
 * get sees only the rows of the caller's authorised tenants; a row of another tenant is NOT_FOUND
 * by key, as if it did not exist.
 */
@ApplicationScoped
public class Searches {

  /** A page of items with Camunda's page answer. */
  public record Result(List<Map<String, Object>> items, Map<String, Object> page) {}

  private static final String HAS_INCIDENT =
      "EXISTS (SELECT 1 FROM engine.search_incident i WHERE i.process_instance_key = e.key"
          + " AND i.state = 'ACTIVE')";

  private static final SearchQuery PROCESS_INSTANCES =
      new SearchQuery(
          "engine.search_element_instance e",
          "e.element_type = 'PROCESS'",
          "e.key, e.process_definition_key, e.bpmn_process_id, e.process_version, e.state,"
              + " e.start_date, e.end_date, e.parent_process_instance_key,"
              + " e.parent_element_instance_key, e.tenant_id, "
              + HAS_INCIDENT
              + " AS has_incident",
          new Field("processInstanceKey", "e.key", KEY),
          List.of(
              new Field("processDefinitionKey", "e.process_definition_key", KEY),
              new Field("processDefinitionId", "e.bpmn_process_id", TEXT),
              new Field("processDefinitionVersion", "e.process_version", INT),
              new Field("state", "e.state", TEXT),
              new Field("startDate", "e.start_date", DATE),
              new Field("endDate", "e.end_date", DATE),
              new Field("parentProcessInstanceKey", "e.parent_process_instance_key", KEY),
              new Field("parentElementInstanceKey", "e.parent_element_instance_key", KEY),
              new Field("hasIncident", HAS_INCIDENT, BOOL),
              new Field("tenantId", "e.tenant_id", TEXT)));

  private static final SearchQuery ELEMENT_INSTANCES =
      new SearchQuery(
          "engine.search_element_instance e",
          "e.element_type NOT IN ('PROCESS', 'MULTI_INSTANCE_BODY')",
          "e.key, e.process_instance_key, e.process_definition_key, e.bpmn_process_id,"
              + " e.element_id, e.state, e.start_date, e.end_date, e.incident_key,"
              + " e.flow_scope_key, e.tenant_id",
          new Field("elementInstanceKey", "e.key", KEY),
          List.of(
              new Field("processInstanceKey", "e.process_instance_key", KEY),
              new Field("processDefinitionKey", "e.process_definition_key", KEY),
              new Field("processDefinitionId", "e.bpmn_process_id", TEXT),
              new Field("elementId", "e.element_id", TEXT),
              new Field("state", "e.state", TEXT),
              new Field("startDate", "e.start_date", DATE),
              new Field("endDate", "e.end_date", DATE),
              new Field("incidentKey", "e.incident_key", KEY),
              new Field("hasIncident", "(e.incident_key IS NOT NULL)", BOOL),
              new Field("elementInstanceScopeKey", "e.flow_scope_key", KEY),
              new Field("tenantId", "e.tenant_id", TEXT)));

  private static final SearchQuery VARIABLES =
      new SearchQuery(
          "engine.search_variable v",
          "true",
          "v.key, v.name, v.value, v.scope_key, v.process_instance_key, v.tenant_id",
          new Field("variableKey", "v.key", KEY),
          List.of(
              new Field("name", "v.name", TEXT),
              new Field("value", "v.value", TEXT),
              new Field("scopeKey", "v.scope_key", KEY),
              new Field("processInstanceKey", "v.process_instance_key", KEY),
              new Field("tenantId", "v.tenant_id", TEXT)));

  private static final SearchQuery INCIDENTS =
      new SearchQuery(
          "engine.search_incident i",
          "true",
          "i.key, i.process_instance_key, i.process_definition_key, i.bpmn_process_id,"
              + " i.element_id, i.element_instance_key, i.job_key, i.error_type, i.error_message,"
              + " i.state, i.creation_time, i.tenant_id",
          new Field("incidentKey", "i.key", KEY),
          List.of(
              new Field("processInstanceKey", "i.process_instance_key", KEY),
              new Field("processDefinitionKey", "i.process_definition_key", KEY),
              new Field("processDefinitionId", "i.bpmn_process_id", TEXT),
              new Field("elementId", "i.element_id", TEXT),
              new Field("elementInstanceKey", "i.element_instance_key", KEY),
              new Field("jobKey", "i.job_key", KEY),
              new Field("errorType", "i.error_type", TEXT),
              new Field("errorMessage", "i.error_message", TEXT),
              new Field("state", "i.state", TEXT),
              new Field("creationTime", "i.creation_time", DATE),
              new Field("tenantId", "i.tenant_id", TEXT)));

  /**
   * Camunda user tasks, read from engine.user_task itself: the command path writes it, so a task is
   * searchable as soon as the command that created or changed it answered.
   */
  private static final SearchQuery USER_TASKS =
      new SearchQuery(
          "engine.user_task t",
          "true",
          "t.key, t.element_instance_key, t.process_instance_key, t.process_definition_key,"
              + " t.bpmn_process_id, t.process_version, t.element_id, t.name, t.tenant_id, t.state,"
              + " t.assignee, t.candidate_groups, t.candidate_users, t.due_date, t.follow_up_date,"
              + " t.priority, t.external_form_reference, t.custom_headers::text AS custom_headers,"
              + " t.creation_date, t.completion_date",
          new Field("userTaskKey", "t.key", KEY),
          List.of(
              new Field("state", "t.state", TEXT),
              new Field("assignee", "t.assignee", TEXT),
              new Field("priority", "t.priority", INT),
              new Field("elementId", "t.element_id", TEXT),
              new Field("name", "t.name", TEXT),
              new Field("candidateGroup", "t.candidate_groups", SearchQuery.Kind.TEXT_LIST),
              new Field("candidateUser", "t.candidate_users", SearchQuery.Kind.TEXT_LIST),
              new Field("processDefinitionId", "t.bpmn_process_id", TEXT),
              new Field("creationDate", "t.creation_date", DATE),
              new Field("completionDate", "t.completion_date", DATE),
              new Field("followUpDate", "t.follow_up_date", DATE),
              new Field("dueDate", "t.due_date", DATE),
              new Field("processDefinitionKey", "t.process_definition_key", KEY),
              new Field("processInstanceKey", "t.process_instance_key", KEY),
              new Field("elementInstanceKey", "t.element_instance_key", KEY),
              // the task's own tenant (its process's)
              new Field("tenantId", "t.tenant_id", TEXT),
              // from the projected variables: eventually consistent, unlike the task columns
              new Field(
                  "processInstanceVariables", "t.process_instance_key", SearchQuery.Kind.VARIABLES),
              new Field("localVariables", "t.element_instance_key", SearchQuery.Kind.VARIABLES)));

  /**
   * Which process instances element statistics count: Camunda's process-instance filter of the
   * statistics request, over the instances' rows of the projected table.
   */
  private static final SearchQuery STATISTICS_INSTANCES =
      new SearchQuery(
          "engine.search_element_instance e",
          "e.element_type = 'PROCESS'",
          "e.key",
          new Field("processInstanceKey", "e.key", KEY),
          List.of(
              new Field("parentProcessInstanceKey", "e.parent_process_instance_key", KEY),
              new Field("parentElementInstanceKey", "e.parent_element_instance_key", KEY),
              new Field("startDate", "e.start_date", DATE),
              new Field("endDate", "e.end_date", DATE),
              new Field("state", "e.state", TEXT),
              new Field("hasIncident", HAS_INCIDENT, BOOL),
              new Field("tenantId", "e.tenant_id", TEXT),
              // instances with an element instance of this id / in this state / with an incident
              new Field(
                  "elementId",
                  "ARRAY(SELECT x.element_id FROM engine.search_element_instance x"
                      + " WHERE x.process_instance_key = e.key)",
                  SearchQuery.Kind.TEXT_LIST),
              new Field(
                  "elementInstanceState",
                  "ARRAY(SELECT DISTINCT x.state FROM engine.search_element_instance x"
                      + " WHERE x.process_instance_key = e.key AND x.key <> e.key)",
                  SearchQuery.Kind.TEXT_LIST),
              new Field(
                  "hasElementInstanceIncident",
                  "EXISTS (SELECT 1 FROM engine.search_element_instance x"
                      + " WHERE x.process_instance_key = e.key AND x.incident_key IS NOT NULL)",
                  BOOL),
              new Field(
                  "errorMessage",
                  "ARRAY(SELECT i.error_message FROM engine.search_incident i"
                      + " WHERE i.process_instance_key = e.key AND i.state = 'ACTIVE')",
                  SearchQuery.Kind.TEXT_LIST)));

  private static final String LATEST =
      "(d.version = (SELECT max(l.version) FROM engine.process_definition l"
          + " WHERE l.tenant_id = d.tenant_id AND l.bpmn_process_id = d.bpmn_process_id))";

  private static final SearchQuery PROCESS_DEFINITIONS =
      new SearchQuery(
          "engine.process_definition d",
          "true",
          "d.key",
          new Field("processDefinitionKey", "d.key", KEY),
          List.of(
              new Field("processDefinitionId", "d.bpmn_process_id", TEXT),
              new Field("version", "d.version", INT),
              new Field("resourceName", "d.resource_name", TEXT),
              new Field("isLatestVersion", LATEST, SearchQuery.Kind.FLAG),
              new Field("tenantId", "d.tenant_id", TEXT)));

  private final Db db;
  private final ProcessModels models;

  Searches(Db db, ProcessModels models) {
    this.db = db;
    this.models = models;
  }

  // ---------------------------------------------------------------- process instances

  public Result processInstances(JsonNode request, AuthorizedTenants tenants) {
    return db.inTransaction(
        c -> result(PROCESS_INSTANCES.run(c, request, tenants), row -> processInstance(c, row)));
  }

  public Map<String, Object> processInstance(long key, AuthorizedTenants tenants) {
    return one(
        PROCESS_INSTANCES,
        "processInstanceKey",
        key,
        "process instance",
        tenants,
        this::processInstance);
  }

  private Map<String, Object> processInstance(Connection c, Map<String, Object> row)
      throws SQLException {
    var item = new LinkedHashMap<String, Object>();
    long definitionKey = (Long) row.get("process_definition_key");
    var definition = models.byKey(c, definitionKey);
    item.put("processInstanceKey", key(row.get("key")));
    item.put("processDefinitionId", row.get("bpmn_process_id"));
    item.put("processDefinitionName", definition.map(d -> d.name()).orElse(null));
    item.put("processDefinitionVersion", row.get("process_version"));
    item.put("processDefinitionKey", key(definitionKey));
    item.put("startDate", date(row.get("start_date")));
    item.put("endDate", date(row.get("end_date")));
    item.put("state", row.get("state"));
    item.put("hasIncident", row.get("has_incident"));
    item.put("tenantId", row.get("tenant_id"));
    item.put("parentProcessInstanceKey", key(row.get("parent_process_instance_key")));
    item.put("parentElementInstanceKey", key(row.get("parent_element_instance_key")));
    item.put("tags", List.of());
    return item;
  }

  // ---------------------------------------------------------------- element instances

  public Result elementInstances(JsonNode request, AuthorizedTenants tenants) {
    return db.inTransaction(
        c -> result(ELEMENT_INSTANCES.run(c, request, tenants), row -> elementInstance(c, row)));
  }

  public Map<String, Object> elementInstance(long key, AuthorizedTenants tenants) {
    return one(
        ELEMENT_INSTANCES,
        "elementInstanceKey",
        key,
        "element instance",
        tenants,
        this::elementInstance);
  }

  private Map<String, Object> elementInstance(Connection c, Map<String, Object> row)
      throws SQLException {
    var item = new LinkedHashMap<String, Object>();
    var definition = models.byKey(c, (Long) row.get("process_definition_key"));
    String elementId = (String) row.get("element_id");
    item.put("elementInstanceKey", key(row.get("key")));
    item.put("processInstanceKey", key(row.get("process_instance_key")));
    item.put("processDefinitionKey", key(row.get("process_definition_key")));
    item.put("processDefinitionId", row.get("bpmn_process_id"));
    item.put("elementId", elementId);
    item.put(
        "elementName",
        definition.map(d -> d.elementNames().getOrDefault(elementId, elementId)).orElse(elementId));
    item.put(
        "type",
        definition
            .map(d -> d.elementTypes().getOrDefault(elementId, "UNSPECIFIED"))
            .orElse("UNSPECIFIED"));
    item.put("state", row.get("state"));
    item.put("startDate", date(row.get("start_date")));
    item.put("endDate", date(row.get("end_date")));
    item.put("hasIncident", row.get("incident_key") != null);
    item.put("incidentKey", key(row.get("incident_key")));
    item.put("tenantId", row.get("tenant_id"));
    return item;
  }

  // ---------------------------------------------------------------- variables

  public Result variables(JsonNode request, AuthorizedTenants tenants) {
    return db.inTransaction(
        c -> result(VARIABLES.run(c, request, tenants), row -> variable(row, true)));
  }

  public Map<String, Object> variable(long key, AuthorizedTenants tenants) {
    return one(
        VARIABLES, "variableKey", key, "variable", tenants, (c, row) -> variable(row, false));
  }

  private static Map<String, Object> variable(Map<String, Object> row, boolean search) {
    var item = new LinkedHashMap<String, Object>();
    item.put("variableKey", key(row.get("key")));
    item.put("name", row.get("name"));
    item.put("value", row.get("value"));
    item.put("scopeKey", key(row.get("scope_key")));
    item.put("processInstanceKey", key(row.get("process_instance_key")));
    item.put("tenantId", row.get("tenant_id"));
    if (search) {
      item.put("isTruncated", false);
    }
    return item;
  }

  // ---------------------------------------------------------------- incidents

  public Result incidents(JsonNode request, AuthorizedTenants tenants) {
    return db.inTransaction(c -> result(INCIDENTS.run(c, request, tenants), Searches::incident));
  }

  public Map<String, Object> incident(long key, AuthorizedTenants tenants) {
    return one(INCIDENTS, "incidentKey", key, "incident", tenants, (c, row) -> incident(row));
  }

  private static Map<String, Object> incident(Map<String, Object> row) {
    var item = new LinkedHashMap<String, Object>();
    item.put("incidentKey", key(row.get("key")));
    item.put("processInstanceKey", key(row.get("process_instance_key")));
    item.put("processDefinitionKey", key(row.get("process_definition_key")));
    item.put("processDefinitionId", row.get("bpmn_process_id"));
    item.put("elementId", row.get("element_id"));
    item.put("elementInstanceKey", key(row.get("element_instance_key")));
    item.put("jobKey", key(row.get("job_key")));
    item.put("errorType", row.get("error_type"));
    item.put("errorMessage", row.get("error_message"));
    item.put("state", row.get("state"));
    item.put("creationTime", date(row.get("creation_time")));
    item.put("tenantId", row.get("tenant_id"));
    return item;
  }

  // ---------------------------------------------------------------- user tasks

  public Result userTasks(JsonNode request, AuthorizedTenants tenants) {
    return db.inTransaction(
        c -> result(USER_TASKS.run(c, request, tenants), row -> userTask(c, row)));
  }

  public Map<String, Object> userTask(long key, AuthorizedTenants tenants) {
    return one(USER_TASKS, "userTaskKey", key, "user task", tenants, this::userTask);
  }

  private Map<String, Object> userTask(Connection c, Map<String, Object> row) throws SQLException {
    var item = new LinkedHashMap<String, Object>();
    long definitionKey = (Long) row.get("process_definition_key");
    var definition = models.byKey(c, definitionKey);
    item.put("userTaskKey", key(row.get("key")));
    item.put("name", row.get("name"));
    item.put("state", row.get("state"));
    item.put("assignee", row.get("assignee"));
    item.put("elementId", row.get("element_id"));
    item.put("elementInstanceKey", key(row.get("element_instance_key")));
    item.put("candidateGroups", list(row.get("candidate_groups")));
    item.put("candidateUsers", list(row.get("candidate_users")));
    item.put("processDefinitionId", row.get("bpmn_process_id"));
    item.put("processName", definition.map(d -> d.name()).orElse(null));
    item.put("processDefinitionKey", key(definitionKey));
    item.put("processDefinitionVersion", row.get("process_version"));
    item.put("processInstanceKey", key(row.get("process_instance_key")));
    item.put("rootProcessInstanceKey", null);
    item.put("formKey", null);
    item.put("externalFormReference", row.get("external_form_reference"));
    item.put("creationDate", date(row.get("creation_date")));
    item.put("completionDate", date(row.get("completion_date")));
    item.put("followUpDate", date(row.get("follow_up_date")));
    item.put("dueDate", date(row.get("due_date")));
    item.put("tenantId", row.get("tenant_id"));
    item.put(
        "customHeaders",
        org.clearance.engine.db.Json.read((String) row.get("custom_headers"), Map.class));
    item.put("priority", row.get("priority"));
    item.put("tags", List.of());
    return item;
  }

  /**
   * The variables visible from a user task: those of its element instance and of every enclosing
   * scope up to the process instance, one item per scope and name (inner ones are not merged over
   * outer ones), from the projected variables, as Camunda's user-task variable search answers.
   */
  public Result userTaskVariables(long userTaskKey, JsonNode request, AuthorizedTenants tenants) {
    return db.inTransaction(
        c -> {
          List<Long> scopes = scopesOf(c, userTaskKey, tenants);
          var query = VARIABLES.restrictedTo("v.scope_key IN (" + joined(scopes) + ")");
          return result(query.run(c, request, tenants), row -> variable(row, true));
        });
  }

  /**
   * The variables in effect for a user task: per name, the one of the innermost scope (the task's
   * own, then its enclosing scopes outwards), as Camunda's effective-variable search answers.
   */
  public Result userTaskEffectiveVariables(
      long userTaskKey, JsonNode request, AuthorizedTenants tenants) {
    if (request != null
        && (request.path("page").has("after") || request.path("page").has("before"))) {
      throw Rejection.invalidArgument(
          "Expected offset paging (page.from, page.limit) for effective variables, but got a cursor");
    }
    return db.inTransaction(
        c -> {
          List<Long> scopes = scopesOf(c, userTaskKey, tenants);
          var depths = new StringBuilder();
          for (int depth = 0; depth < scopes.size(); depth++) {
            if (depth > 0) {
              depths.append(", ");
            }
            depths.append('(').append(scopes.get(depth)).append(", ").append(depth).append(')');
          }
          var query =
              VARIABLES.over(
                  "(SELECT DISTINCT ON (w.name) w.* FROM engine.search_variable w"
                      + " JOIN (VALUES "
                      + depths
                      + ") AS chain(scope_key, depth) ON w.scope_key = chain.scope_key"
                      + " ORDER BY w.name, chain.depth) v");
          return result(query.run(c, request, tenants), row -> variable(row, true));
        });
  }

  /** The task's element instance, then its flow scopes outwards (from the projection). */
  private static List<Long> scopesOf(Connection c, long userTaskKey, AuthorizedTenants tenants)
      throws SQLException {
    long elementInstanceKey;
    try (var statement =
        c.prepareStatement(
            "SELECT element_instance_key, tenant_id FROM engine.user_task WHERE key = ?")) {
      statement.setLong(1, userTaskKey);
      try (var rs = statement.executeQuery()) {
        // another tenant's task is not found, as if it did not exist
        if (!rs.next() || !tenants.allows(rs.getString(2))) {
          throw Rejection.notFound(
              "Expected to find user task with key '%d', but none was found"
                  .formatted(userTaskKey));
        }
        elementInstanceKey = rs.getLong(1);
      }
    }
    var scopes = new ArrayList<Long>();
    try (var statement =
        c.prepareStatement(
            "WITH RECURSIVE chain(key, flow_scope_key, depth) AS ("
                + " SELECT key, flow_scope_key, 0 FROM engine.search_element_instance"
                + " WHERE key = ?"
                + " UNION ALL SELECT e.key, e.flow_scope_key, chain.depth + 1"
                + " FROM engine.search_element_instance e"
                + " JOIN chain ON e.key = chain.flow_scope_key WHERE chain.depth < 1000)"
                + " SELECT key FROM chain ORDER BY depth")) {
      statement.setLong(1, elementInstanceKey);
      try (var rs = statement.executeQuery()) {
        while (rs.next()) {
          scopes.add(rs.getLong(1));
        }
      }
    }
    if (scopes.isEmpty()) {
      scopes.add(elementInstanceKey); // not projected yet: at least the task's own scope
    }
    return scopes;
  }

  private static String joined(List<Long> keys) {
    var text = new StringBuilder();
    for (long key : keys) {
      if (!text.isEmpty()) {
        text.append(", ");
      }
      text.append(key);
    }
    return text.toString();
  }

  private static List<String> list(Object array) throws SQLException {
    return array instanceof java.sql.Array sql ? List.of((String[]) sql.getArray()) : List.of();
  }

  // ---------------------------------------------------------------- process definitions

  public Result processDefinitions(JsonNode request, AuthorizedTenants tenants) {
    return db.inTransaction(
        c ->
            result(
                PROCESS_DEFINITIONS.run(c, request, tenants),
                row -> processDefinition(definition(c, (Long) row.get("key"), tenants))));
  }

  public Map<String, Object> processDefinition(long key, AuthorizedTenants tenants) {
    return db.inTransaction(c -> processDefinition(definition(c, key, tenants)));
  }

  public byte[] processDefinitionXml(long key, AuthorizedTenants tenants) {
    return db.inTransaction(c -> definition(c, key, tenants).resource());
  }

  /** A definition of one of the caller's tenants; another tenant's is NOT_FOUND, like no one's. */
  private ProcessModels.Definition definition(Connection c, long key, AuthorizedTenants tenants)
      throws SQLException {
    return models
        .byKey(c, key)
        .filter(definition -> tenants.allows(definition.tenantId()))
        .orElseThrow(
            () ->
                Rejection.notFound(
                    "Expected to find process definition with key '%d', but none was found"
                        .formatted(key)));
  }

  private static Map<String, Object> processDefinition(ProcessModels.Definition definition) {
    var item = new LinkedHashMap<String, Object>();
    item.put("processDefinitionKey", key(definition.key()));
    item.put("processDefinitionId", definition.bpmnProcessId());
    item.put("name", definition.name());
    item.put("version", definition.version());
    item.put("resourceName", definition.resourceName());
    item.put("tenantId", definition.tenantId());
    item.put("hasStartForm", false);
    return item;
  }

  /**
   * Element-instance statistics of a definition: per element id, the instances active (without an
   * incident), with an open incident, completed and canceled (terminated). Served by the index on
   * (process_definition_key, element_id); a filter chooses the process instances counted (their
   * rows through the partial index on (process_definition_key, key) of process rows).
   */
  public List<Map<String, Object>> elementStatistics(
      long definitionKey, JsonNode request, AuthorizedTenants tenants) {
    SearchQuery.Condition instances =
        STATISTICS_INSTANCES.condition(request == null ? null : request.path("filter"), tenants);
    return db.inTransaction(
        c -> {
          definition(c, definitionKey, tenants);
          var items = new ArrayList<Map<String, Object>>();
          try (var statement =
              c.prepareStatement(
                  "SELECT element_id,"
                      + " count(*) FILTER (WHERE state = 'ACTIVE' AND incident_key IS NULL),"
                      + " count(*) FILTER (WHERE state = 'ACTIVE' AND incident_key IS NOT NULL),"
                      + " count(*) FILTER (WHERE state = 'COMPLETED'),"
                      + " count(*) FILTER (WHERE state = 'TERMINATED')"
                      + " FROM engine.search_element_instance s WHERE process_definition_key = ?"
                      + " AND element_type NOT IN ('PROCESS', 'MULTI_INSTANCE_BODY')"
                      + (instances.filtered()
                          ? " AND s.process_instance_key IN (SELECT e.key FROM"
                              + " engine.search_element_instance e WHERE"
                              + " e.process_definition_key = ? AND "
                              + instances.sql()
                              + ")"
                          : "")
                      + " GROUP BY element_id ORDER BY element_id")) {
            if (instances.filtered()) {
              statement.setLong(2, definitionKey);
              instances.bind(statement, 3);
            }
            statement.setLong(1, definitionKey);
            try (var rs = statement.executeQuery()) {
              while (rs.next()) {
                var item = new LinkedHashMap<String, Object>();
                item.put("elementId", rs.getString(1));
                item.put("active", rs.getLong(2));
                item.put("incidents", rs.getLong(3));
                item.put("completed", rs.getLong(4));
                item.put("canceled", rs.getLong(5));
                items.add(item);
              }
            }
          }
          return items;
        });
  }

  // ---------------------------------------------------------------- plumbing

  @FunctionalInterface
  private interface RowMapper {
    Map<String, Object> map(Map<String, Object> row) throws SQLException;
  }

  @FunctionalInterface
  private interface ConnectionRowMapper {
    Map<String, Object> map(Connection c, Map<String, Object> row) throws SQLException;
  }

  private static Result result(SearchQuery.Page page, RowMapper mapper) throws SQLException {
    var items = new ArrayList<Map<String, Object>>();
    for (var row : page.rows()) {
      items.add(mapper.map(row));
    }
    var answer = new LinkedHashMap<String, Object>();
    answer.put("totalItems", page.totalItems());
    answer.put("hasMoreTotalItems", page.hasMoreTotalItems());
    answer.put("startCursor", page.startCursor());
    answer.put("endCursor", page.endCursor());
    return new Result(items, answer);
  }

  private Map<String, Object> one(
      SearchQuery query,
      String keyField,
      long key,
      String what,
      AuthorizedTenants tenants,
      ConnectionRowMapper mapper) {
    var request = org.clearance.engine.db.Json.object();
    request.putObject("filter").put(keyField, Long.toString(key));
    return db.inTransaction(
        c -> {
          var page = query.run(c, request, tenants);
          if (page.rows().isEmpty()) {
            throw Rejection.notFound(
                "Expected to find %s with key '%d', but none was found".formatted(what, key));
          }
          return mapper.map(c, page.rows().get(0));
        });
  }

  private static String key(Object value) {
    return value == null ? null : value.toString();
  }

  private static String date(Object value) {
    return value instanceof Timestamp timestamp ? timestamp.toInstant().toString() : null;
  }
}
