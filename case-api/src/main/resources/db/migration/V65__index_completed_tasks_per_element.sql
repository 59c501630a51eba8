-- The process heat map's time spent per user task (ProcessHeatmapQueries.completedTasks) groups
-- the tasks completed in the window by element. review_task_completed_idx finds them by
-- completion time, so every request sorted them all by element (about 127,000 in 12 weeks of the
-- bench seed) before the percentiles sorted them again. In element order the grouping needs no
-- sort. review_task_completed_idx stays for the filtered heat map (it carries case_id).
CREATE INDEX review_task_completed_element_idx ON cases.review_task (element_id, completed_at)
    INCLUDE (created_at) WHERE status = 'COMPLETED';
