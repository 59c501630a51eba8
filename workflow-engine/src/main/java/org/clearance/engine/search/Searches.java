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
   * (process_definition_key, element_id, state).
   */
  public List<Map<String, Object>> elementStatistics(
      long definitionKey, JsonNode request, AuthorizedTenants tenants) {
    if (request != null
        && !request.path("filter").isMissingNode()
        && !request.path("filter").isNull()
        && !request.path("filter").isEmpty()) {
      throw Rejection.invalidArgument(
          "Expected element-instance statistics without a filter; filtering them is not supported yet");
    }
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
                      + " FROM engine.search_element_instance WHERE process_definition_key = ?"
                      + " AND element_type NOT IN ('PROCESS', 'MULTI_INSTANCE_BODY')"
                      + " GROUP BY element_id ORDER BY element_id")) {
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
