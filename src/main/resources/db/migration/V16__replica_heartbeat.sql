-- The read replica's heartbeat (org.bangfu.replica.ReplicaLag): with a replica configured, every node writes the
-- primary's UTC time here every few seconds; on the replica the row tells how old its data is at most.
CREATE TABLE bf_replica_heartbeat (
  id INT NOT NULL PRIMARY KEY,
  beat_at DATETIME(6) NULL
);
INSERT INTO bf_replica_heartbeat (id, beat_at) VALUES (1, NULL);
