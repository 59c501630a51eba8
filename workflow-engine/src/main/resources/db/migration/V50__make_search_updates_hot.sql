-- The projector ends an element instance with an UPDATE of state and end_date. With state in an
-- index every such update wrote a new entry into all five indexes of the table; without it, and
-- with room left on each page, the update is HOT (heap-only, no index entry). The statistics
-- query counts per element id and state over the definition's rows either way, so it loses
-- nothing by reading state from the heap.
DROP INDEX engine.search_element_statistics_idx;
CREATE INDEX search_element_statistics_idx ON engine.search_element_instance (process_definition_key, element_id);
ALTER TABLE engine.search_element_instance SET (fillfactor = 80);
