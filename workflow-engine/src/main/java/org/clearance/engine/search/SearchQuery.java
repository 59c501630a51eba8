package org.clearance.engine.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clearance.engine.command.AuthorizedTenants;
import org.clearance.engine.command.Rejection;
import org.clearance.engine.db.Json;

/**
 * One search of the Orchestration Cluster API over a read table: Camunda's {@code filter} (plain
 * values or {@code $eq $neq $in $notIn $exists $like $gt $gte $lt $lte}), {@code sort} (fields,
 * ASC/DESC, the key last as tie-breaker) and {@code page} ({@code limit} with {@code after} /
 * {@code before} cursors, or {@code from} offsets). Cursors are keyset positions (the sort values
 * of the first or last item, opaque base64), so paging deep costs no more than the first page when
 * an index serves the sort. {@code totalItems} counts at most {@value #COUNT_CAP} rows and then
 * says {@code hasMoreTotalItems}.
 */
public final class SearchQuery {

  static final int COUNT_CAP = 10_000;
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 10_000;

  /** Every query has this field: the tenant of the row, which limits what a caller sees. */
  static final String TENANT_FIELD = "tenantId";

  /** How a field's values are written in requests and compared in SQL. */
  public enum Kind {
    KEY("bigint", "-1"),
    TEXT("text", "''"),
    INT("integer", "-1"),
    DATE("timestamptz", "'infinity'::timestamptz"),
    BOOL("boolean", "false"),
    /** A restriction that applies when true and means "no restriction" when false. */
    FLAG("boolean", "false"),
    /**
     * A text array column matched by membership ($eq: the list contains the value, $in: it contains
     * one of them; GIN-indexable as {@code @>} and {@code &&}); not sortable.
     */
    TEXT_LIST("text", "''"),
    /**
     * Camunda's variable filter: a list of {name, value} that must all match a variable of the
     * scope the field's SQL names (the value compared as its JSON text, plainly or with the text
     * operators); not sortable.
     */
    VARIABLES("text", "''");

    final String type;
    final String nullValue;

    Kind(String type, String nullValue) {
      this.type = type;
      this.nullValue = nullValue;
    }
  }

  /** A filterable and sortable field: its API name, its SQL expression and kind. */
  public record Field(String name, String sql, Kind kind) {
    String sortExpression() {
      return "COALESCE(" + sql + ", " + kind.nullValue + ")";
    }
  }

  /** One page of rows (each row the selected columns by name) and its paging answer. */
  public record Page(
      List<Map<String, Object>> rows,
      long totalItems,
      boolean hasMoreTotalItems,
      String startCursor,
      String endCursor) {}

  private final String from;
  private final String baseWhere;
  private final String select;
  private final Field key;
  private final Map<String, Field> fields = new LinkedHashMap<>();

  /**
   * @param from the FROM clause
   * @param baseWhere a condition every row meets ("true" for none)
   * @param select the selected columns, with aliases the row maps use
   * @param key the unique field that ends every sort
   */
  public SearchQuery(String from, String baseWhere, String select, Field key, List<Field> fields) {
    this.from = from;
    this.baseWhere = baseWhere;
    this.select = select;
    this.key = key;
    this.fields.put(key.name(), key);
    fields.forEach(f -> this.fields.put(f.name(), f));
    if (!this.fields.containsKey(TENANT_FIELD)) {
      throw new IllegalArgumentException("A search needs the field " + TENANT_FIELD);
    }
  }

  private record Sort(Field field, boolean descending) {}

  /** The same search over another FROM clause with the same columns (trusted SQL). */
  public SearchQuery over(String otherFrom) {
    var rest = new ArrayList<>(fields.values());
    rest.remove(key);
    return new SearchQuery(otherFrom, baseWhere, select, key, rest);
  }

  /** The same search over the rows that also meet a further condition (trusted SQL). */
  public SearchQuery restrictedTo(String condition) {
    var rest = new ArrayList<>(fields.values());
    rest.remove(key);
    return new SearchQuery(from, "(" + baseWhere + ") AND (" + condition + ")", select, key, rest);
  }

  /** A filter as SQL: the base condition and the filter's conditions, with their parameters. */
  public record Condition(String sql, List<Object[]> params, boolean filtered) {

    /** Binds the parameters from a 1-based index on. */
    public void bind(java.sql.PreparedStatement statement, int first) throws SQLException {
      SearchQuery.bind(statement, params, first);
    }
  }

  /**
   * Only the filter of a request, limited to the caller's tenants (statistics use it to choose the
   * instances they count).
   */
  public Condition condition(JsonNode filter, AuthorizedTenants tenants) {
    var where = new StringBuilder(baseWhere);
    var params = new ArrayList<Object[]>();
    if (!tenants.all()) {
      where.append(" AND ").append(fields.get(TENANT_FIELD).sql()).append(" = ANY(?::text[])");
      params.add(new Object[] {tenants.sorted(), Kind.TEXT});
    }
    int unfiltered = where.length();
    filter(filter == null ? Json.object() : filter, where, params);
    return new Condition(where.toString(), params, where.length() > unfiltered);
  }

  /**
   * One page of the rows the caller may see: only rows of its authorised tenants (the field {@code
   * tenantId} of the query), whatever its filter says.
   */
  public Page run(Connection connection, JsonNode request, AuthorizedTenants tenants)
      throws SQLException {
    JsonNode body = request == null || request.isNull() ? Json.object() : request;
    var where = new StringBuilder(baseWhere);
    var params = new ArrayList<Object[]>(); // {value, kind}
    if (!tenants.all()) {
      where.append(" AND ").append(fields.get(TENANT_FIELD).sql()).append(" = ANY(?::text[])");
      params.add(new Object[] {tenants.sorted(), Kind.TEXT});
    }
    filter(body.path("filter"), where, params);
    List<Sort> sorts = sorts(body.path("sort"));
    JsonNode page = body.path("page");
    int limit = page.path("limit").isMissingNode() ? DEFAULT_LIMIT : page.path("limit").asInt(-1);
    if (limit < 0 || limit > MAX_LIMIT) {
      throw Rejection.invalidArgument(
          "Expected page.limit between 0 and %d, but got %s"
              .formatted(MAX_LIMIT, page.get("limit")));
    }
    String after = text(page.path("after"));
    String before = text(page.path("before"));
    int offset = page.path("from").asInt(0);
    if (after != null && before != null) {
      throw Rejection.invalidArgument("Expected page.after or page.before, but got both");
    }
    if (offset < 0 || (offset > 0 && (after != null || before != null))) {
      throw Rejection.invalidArgument(
          "Expected page.from to be a non-negative offset without cursors, but got %d"
              .formatted(offset));
    }

    long[] total = count(connection, where.toString(), params);

    var pageWhere = new StringBuilder(where);
    var pageParams = new ArrayList<>(params);
    boolean backwards = before != null;
    String cursor = backwards ? before : after;
    if (cursor != null) {
      cursorCondition(decode(cursor, sorts.size()), sorts, backwards, pageWhere, pageParams);
    }
    var sql = new StringBuilder("SELECT ").append(select);
    for (int i = 0; i < sorts.size(); i++) {
      sql.append(", ").append(sorts.get(i).field().sortExpression()).append(" AS s_").append(i);
    }
    sql.append(" FROM ").append(from).append(" WHERE ").append(pageWhere).append(" ORDER BY ");
    for (int i = 0; i < sorts.size(); i++) {
      Sort sort = sorts.get(i);
      if (i > 0) {
        sql.append(", ");
      }
      sql.append(sort.field().sortExpression())
          .append(sort.descending() != backwards ? " DESC" : " ASC");
    }
    sql.append(" LIMIT ").append(limit);
    if (offset > 0) {
      sql.append(" OFFSET ").append(offset);
    }
    var rows = new ArrayList<Map<String, Object>>();
    var sortValues = new ArrayList<List<String>>();
    try (var statement = connection.prepareStatement(sql.toString())) {
      bind(statement, pageParams);
      try (ResultSet rs = statement.executeQuery()) {
        var meta = rs.getMetaData();
        while (rs.next()) {
          var row = new LinkedHashMap<String, Object>();
          for (int c = 1; c <= meta.getColumnCount() - sorts.size(); c++) {
            row.put(meta.getColumnLabel(c), rs.getObject(c));
          }
          var values = new ArrayList<String>();
          for (int i = 0; i < sorts.size(); i++) {
            values.add(rs.getString("s_" + i));
          }
          rows.add(row);
          sortValues.add(values);
        }
      }
    }
    if (backwards) {
      Collections.reverse(rows);
      Collections.reverse(sortValues);
    }
    String start = rows.isEmpty() ? null : encode(sortValues.get(0));
    String end = rows.isEmpty() ? null : encode(sortValues.get(sortValues.size() - 1));
    return new Page(rows, total[0], total[1] == 1, start, end);
  }

  private long[] count(Connection connection, String where, List<Object[]> params)
      throws SQLException {
    try (var statement =
        connection.prepareStatement(
            "SELECT count(*) FROM (SELECT 1 FROM "
                + from
                + " WHERE "
                + where
                + " LIMIT "
                + (COUNT_CAP + 1)
                + ") capped")) {
      bind(statement, params);
      try (var rs = statement.executeQuery()) {
        rs.next();
        long count = rs.getLong(1);
        return count > COUNT_CAP ? new long[] {COUNT_CAP, 1} : new long[] {count, 0};
      }
    }
  }

  // ---------------------------------------------------------------- filter

  private void filter(JsonNode filter, StringBuilder where, List<Object[]> params) {
    if (filter.isMissingNode() || filter.isNull()) {
      return;
    }
    if (!filter.isObject()) {
      throw Rejection.invalidArgument("Expected filter to be a JSON object");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = filter.fields(); it.hasNext(); ) {
      var entry = it.next();
      JsonNode given = entry.getValue();
      if (given.isNull() || (given.isContainerNode() && given.isEmpty())) {
        continue; // the client sends empty lists and objects for filters not set
      }
      Field field = fields.get(entry.getKey());
      if (field == null) {
        throw Rejection.invalidArgument(
            "Expected a filter on one of %s, but filtering by '%s' is not supported"
                .formatted(fields.keySet(), entry.getKey()));
      }
      JsonNode value = entry.getValue();
      if (field.kind() == Kind.VARIABLES) {
        variablesCondition(field, value, where, params);
        continue;
      }
      if (value.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> ops = value.fields(); ops.hasNext(); ) {
          var op = ops.next();
          JsonNode operand = op.getValue();
          if (operand.isNull() || (operand.isContainerNode() && operand.isEmpty())) {
            continue; // operators not set come as null or empty lists
          }
          condition(field, op.getKey(), operand, where, params);
        }
      } else {
        condition(field, "$eq", value, where, params);
      }
    }
  }

  private static void condition(
      Field field, String op, JsonNode value, StringBuilder where, List<Object[]> params) {
    if (field.kind() == Kind.TEXT_LIST) {
      listCondition(field, op, value, where, params);
      return;
    }
    String cast = "?::" + field.kind().type;
    String sql = field.sql();
    if (field.kind() == Kind.FLAG) {
      if (!op.equals("$eq") || !value.isBoolean()) {
        throw Rejection.invalidArgument(
            "Expected '%s' to be true or false".formatted(field.name()));
      }
      if (value.asBoolean()) {
        where.append(" AND ").append(sql);
      }
      return;
    }
    switch (op) {
      case "$eq" -> {
        where.append(" AND ").append(sql).append(" = ").append(cast);
        params.add(param(field, value));
      }
      case "$neq" -> {
        where.append(" AND ").append(sql).append(" IS DISTINCT FROM ").append(cast);
        params.add(param(field, value));
      }
      case "$exists" -> {
        if (!value.isBoolean()) {
          throw Rejection.invalidArgument(
              "Expected $exists of '%s' to be true or false".formatted(field.name()));
        }
        where.append(" AND ").append(sql).append(value.asBoolean() ? " IS NOT NULL" : " IS NULL");
      }
      case "$in", "$notIn" -> {
        if (!value.isArray()) {
          throw Rejection.invalidArgument(
              "Expected %s of '%s' to be an array".formatted(op, field.name()));
        }
        where.append(" AND ");
        if (op.equals("$notIn")) {
          where.append("NOT ");
        }
        where.append(sql).append(" = ANY(?::").append(field.kind().type).append("[])");
        var values = new ArrayList<String>();
        value.forEach(v -> values.add((String) param(field, v)[0]));
        params.add(new Object[] {values, field.kind()});
      }
      case "$like" -> {
        if (field.kind() != Kind.TEXT) {
          throw Rejection.invalidArgument(
              "Expected $like only on text fields, but '%s' is not one".formatted(field.name()));
        }
        where.append(" AND ").append(sql).append(" LIKE ?");
        params.add(new Object[] {likePattern(value), Kind.TEXT});
      }
      case "$gt", "$gte", "$lt", "$lte" -> {
        if (field.kind() == Kind.TEXT || field.kind() == Kind.BOOL) {
          throw Rejection.invalidArgument(
              "Expected %s only on numbers, keys and dates, but '%s' is not one"
                  .formatted(op, field.name()));
        }
        String operator =
            switch (op) {
              case "$gt" -> ">";
              case "$gte" -> ">=";
              case "$lt" -> "<";
              default -> "<=";
            };
        where.append(" AND ").append(sql).append(' ').append(operator).append(' ').append(cast);
        params.add(param(field, value));
      }
      default ->
          throw Rejection.invalidArgument(
              "Expected a filter operator ($eq, $neq, $in, $notIn, $exists, $like, $gt, $gte, $lt, $lte) for '%s', but got '%s'"
                  .formatted(field.name(), op));
    }
  }

  private static void listCondition(
      Field field, String op, JsonNode value, StringBuilder where, List<Object[]> params) {
    String sql = field.sql();
    switch (op) {
      case "$eq", "$neq" -> {
        where.append(op.equals("$neq") ? " AND NOT (" : " AND (");
        where.append(sql).append(" @> ARRAY[?::text])");
        params.add(param(field, value));
      }
      case "$in", "$notIn" -> {
        if (!value.isArray()) {
          throw Rejection.invalidArgument(
              "Expected %s of '%s' to be an array".formatted(op, field.name()));
        }
        where.append(op.equals("$notIn") ? " AND NOT (" : " AND (");
        where.append(sql).append(" && ?::text[])");
        var values = new ArrayList<String>();
        value.forEach(v -> values.add((String) param(field, v)[0]));
        params.add(new Object[] {values, field.kind()});
      }
      case "$exists" -> {
        if (!value.isBoolean()) {
          throw Rejection.invalidArgument(
              "Expected $exists of '%s' to be true or false".formatted(field.name()));
        }
        where.append(" AND cardinality(").append(sql).append(value.asBoolean() ? ") > 0" : ") = 0");
      }
      case "$like" -> {
        where
            .append(" AND EXISTS (SELECT 1 FROM unnest(")
            .append(sql)
            .append(") AS member WHERE member LIKE ?)");
        params.add(new Object[] {likePattern(value), Kind.TEXT});
      }
      default ->
          throw Rejection.invalidArgument(
              "Expected a filter operator ($eq, $neq, $in, $notIn, $exists, $like) for '%s', but got '%s'"
                  .formatted(field.name(), op));
    }
  }

  private static final Field VARIABLE_VALUE = new Field("value", "v.value", Kind.TEXT);

  private static void variablesCondition(
      Field field, JsonNode filters, StringBuilder where, List<Object[]> params) {
    if (!filters.isArray()) {
      throw Rejection.invalidArgument(
          "Expected '%s' to be a list of {name, value} filters".formatted(field.name()));
    }
    for (JsonNode filter : filters) {
      JsonNode name = filter.path("name");
      JsonNode value = filter.path("value");
      if (!name.isTextual() || name.textValue().isEmpty() || value.isMissingNode()) {
        throw Rejection.invalidArgument(
            "Expected each filter of '%s' to have a name and a value, but got %s"
                .formatted(field.name(), filter));
      }
      where
          .append(" AND EXISTS (SELECT 1 FROM engine.search_variable v WHERE v.scope_key = ")
          .append(field.sql())
          .append(" AND v.name = ?");
      params.add(new Object[] {name.textValue(), Kind.TEXT});
      if (value.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> ops = value.fields(); ops.hasNext(); ) {
          var op = ops.next();
          if (!op.getValue().isNull()
              && !(op.getValue().isContainerNode() && op.getValue().isEmpty())) {
            condition(VARIABLE_VALUE, op.getKey(), op.getValue(), where, params);
          }
        }
      } else {
        condition(VARIABLE_VALUE, "$eq", value, where, params);
      }
      where.append(')');
    }
  }

  private static String likePattern(JsonNode value) {
    return value
        .asText()
        .replace("\\", "\\\\")
        .replace("%", "\\%")
        .replace("_", "\\_")
        .replace('*', '%')
        .replace('?', '_');
  }

  private static Object[] param(Field field, JsonNode value) {
    if (value.isContainerNode()) {
      throw Rejection.invalidArgument(
          "Expected a plain value for '%s', but got %s".formatted(field.name(), value));
    }
    String text = value.asText();
    switch (field.kind()) {
      case KEY, INT -> {
        try {
          Long.parseLong(text);
        } catch (NumberFormatException e) {
          throw Rejection.invalidArgument(
              "Expected '%s' to be a number, but got '%s'".formatted(field.name(), text));
        }
      }
      case BOOL, FLAG -> {
        if (!text.equals("true") && !text.equals("false")) {
          throw Rejection.invalidArgument(
              "Expected '%s' to be true or false, but got '%s'".formatted(field.name(), text));
        }
      }
      case DATE -> {
        try {
          java.time.OffsetDateTime.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
          throw Rejection.invalidArgument(
              "Expected '%s' to be an RFC 3339 date-time, but got '%s'"
                  .formatted(field.name(), text));
        }
      }
      default -> {}
    }
    return new Object[] {text, field.kind()};
  }

  private static void bind(java.sql.PreparedStatement statement, List<Object[]> params)
      throws SQLException {
    bind(statement, params, 1);
  }

  private static void bind(java.sql.PreparedStatement statement, List<Object[]> params, int first)
      throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      Object value = params.get(i)[0];
      if (value instanceof List<?> list) {
        statement.setArray(
            i + first, statement.getConnection().createArrayOf("text", list.toArray()));
      } else {
        statement.setString(i + first, (String) value);
      }
    }
  }

  // ---------------------------------------------------------------- sort and cursors

  private List<Sort> sorts(JsonNode sort) {
    var sorts = new ArrayList<Sort>();
    if (!sort.isMissingNode() && !sort.isNull()) {
      if (!sort.isArray()) {
        throw Rejection.invalidArgument("Expected sort to be an array of {field, order}");
      }
      for (JsonNode entry : sort) {
        String name = entry.path("field").asText();
        Field field = fields.get(name);
        if (field == null || field.kind() == Kind.TEXT_LIST || field.kind() == Kind.VARIABLES) {
          throw Rejection.invalidArgument(
              "Expected to sort by one of %s, but sorting by '%s' is not supported"
                  .formatted(sortable(), name));
        }
        String order = entry.path("order").asText("ASC").toUpperCase();
        if (!order.equals("ASC") && !order.equals("DESC")) {
          throw Rejection.invalidArgument(
              "Expected sort order ASC or DESC, but got '%s'".formatted(order));
        }
        sorts.add(new Sort(field, order.equals("DESC")));
      }
    }
    if (sorts.stream().noneMatch(s -> s.field().equals(key))) {
      sorts.add(new Sort(key, false));
    }
    return sorts;
  }

  private List<String> sortable() {
    return fields.values().stream()
        .filter(f -> f.kind() != Kind.TEXT_LIST && f.kind() != Kind.VARIABLES)
        .map(Field::name)
        .toList();
  }

  /** Rows strictly after (or before) the cursor position in the sort order. */
  private static void cursorCondition(
      List<String> values,
      List<Sort> sorts,
      boolean backwards,
      StringBuilder where,
      List<Object[]> params) {
    where.append(" AND (");
    for (int i = 0; i < sorts.size(); i++) {
      if (i > 0) {
        where.append(" OR ");
      }
      where.append('(');
      for (int j = 0; j < i; j++) {
        Sort equal = sorts.get(j);
        where
            .append(equal.field().sortExpression())
            .append(" = ?::")
            .append(equal.field().kind().type)
            .append(" AND ");
        params.add(new Object[] {values.get(j), equal.field().kind()});
      }
      Sort sort = sorts.get(i);
      boolean greater = sort.descending() == backwards;
      where
          .append(sort.field().sortExpression())
          .append(greater ? " > ?::" : " < ?::")
          .append(sort.field().kind().type)
          .append(')');
      params.add(new Object[] {values.get(i), sort.field().kind()});
    }
    where.append(')');
  }

  private static String encode(List<String> values) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    values.forEach(array::add);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(array.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> decode(String cursor, int size) {
    try {
      JsonNode array =
          Json.MAPPER.readTree(
              new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
      if (!array.isArray() || array.size() != size) {
        throw new IllegalArgumentException();
      }
      var values = new ArrayList<String>();
      array.forEach(v -> values.add(v.isNull() ? null : v.asText()));
      return values;
    } catch (RuntimeException | java.io.IOException e) {
      throw Rejection.invalidArgument(
          "Expected a cursor from a previous page of the same search and sort, but got '%s'"
              .formatted(cursor));
    }
  }

  private static String text(JsonNode node) {
    return node.isMissingNode() || node.isNull() || node.asText().isEmpty() ? null : node.asText();
  }
}
