-- The interpreter a benchmark run ran on (its id in paragrade.interpreters); null: the server's default, as for
-- every run recorded before exercises could ask for several interpreters.
alter table run_measurement add column interpreter varchar(40);
