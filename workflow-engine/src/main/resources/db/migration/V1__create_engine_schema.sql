-- Keys are 64-bit and unique across engine replicas sharing this database. Like Zeebe's,
-- they carry the partition id (1) in the upper bits, so clients that decode it see partition 1.
CREATE SEQUENCE engine.key_sequence START WITH 2251799813685249 INCREMENT BY 1;
