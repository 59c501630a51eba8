-- One cache of users instead of two: reassignment now checks the assignee's roles in
-- directory_user (kept current from request tokens by UserDirectoryFilter), so staff_member,
-- which every inbox request rewrote, goes. People it knew that the directory does not are kept.
INSERT INTO cases.directory_user (username, roles, last_seen_at)
SELECT s.username,
       coalesce(
           array(SELECT r FROM unnest(string_to_array(s.roles, ',')) AS r
                 WHERE r IN ('applicant', 'auditor', 'legal', 'approver', 'manager', 'admin')
                 ORDER BY r),
           '{}'),
       s.last_seen_at
FROM cases.staff_member s
ON CONFLICT (username) DO NOTHING;

DROP TABLE cases.staff_member;
