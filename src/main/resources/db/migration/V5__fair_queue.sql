-- Deadline week: a fair claim order (priority, then the student's turn, then age), uploads superseded
-- while still waiting, the wait estimate (the workers alive), and staff regrade-all batches whose
-- gradings record the version graded against and who asked.

-- A queued upload replaced by the same student's newer one before it was graded: not graded, no attempt.
alter table submission drop constraint submission_status_check;
alter table submission add constraint submission_status_check
    check (status in ('QUEUED', 'RUNNING', 'GRADED', 'ERROR', 'SUPERSEDED'));
alter table submission add column superseded_by bigint references submission (id);

-- One staff request to regrade every student's kept submission of an exercise (in a course, or all).
create table regrade_batch (
    id            bigserial primary key,
    exercise_id   bigint      not null references exercise (id),
    course_id     bigint references course (id),
    version_id    bigint      not null references exercise_version (id),
    requested_by  bigint      not null references account (id),
    queued        integer     not null,
    created_at    timestamptz not null default now()
);
create index regrade_batch_exercise on regrade_batch (exercise_id, course_id, id);

alter table grading_job drop constraint grading_job_state_check;
alter table grading_job add constraint grading_job_state_check
    check (state in ('QUEUED', 'RUNNING', 'DONE', 'DEAD', 'SUPERSEDED'));
-- Claimed lowest first: 0 a student's upload (or a single regrade), 1 a staff batch.
alter table grading_job add column priority integer not null default 0;
-- The version to grade against (null: the submission's own) and who asked (null: the student's upload).
alter table grading_job add column version_id bigint references exercise_version (id);
alter table grading_job add column requested_by bigint references account (id);
alter table grading_job add column batch_id bigint references regrade_batch (id);
create index grading_job_started on grading_job (started_at);
create index grading_job_batch on grading_job (batch_id) where batch_id is not null;

-- The grading history: the version each automatic grade was computed against, and who asked for it.
alter table grade add column version_id bigint references exercise_version (id);
alter table grade add column requested_by bigint references account (id);

-- Grading instances say they are alive (and with how many worker threads) every few seconds.
create table grading_worker (
    owner    varchar(120) primary key,
    threads  integer      not null check (threads > 0),
    seen_at  timestamptz  not null default now()
);
