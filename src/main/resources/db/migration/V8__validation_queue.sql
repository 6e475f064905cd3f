-- Bundle validation on a grading worker: an instructor's bundle is stored as it was uploaded (after the
-- cheap checks: size, safe archive, schema), a validation job waits in the same queue as gradings, and a
-- worker records the report. Only a bundle that passed becomes a version of its exercise.

create table bundle_validation (
    id              bigserial primary key,
    slug            varchar(40)  not null,
    purpose         varchar(10)  not null check (purpose in ('CREATE', 'REPLACE', 'EDIT')),
    bundle          bytea        not null,  -- exactly the bytes the worker validates and then stores
    content_hash    char(64)     not null,
    requested_by    bigint       not null references account (id),
    status          varchar(10)  not null check (status in ('QUEUED', 'RUNNING', 'PASSED', 'FAILED')),
    progress_phase  varchar(40),
    progress_done   integer      not null default 0,
    progress_total  integer      not null default 0,
    report          jsonb,                  -- the validation report (also the reasons of a FAILED one)
    version_id      bigint references exercise_version (id),  -- PASSED: the version it is (new or equal)
    created         boolean,                -- PASSED: it created the exercise
    new_version     boolean,                -- PASSED: false when it equalled the current version
    created_at      timestamptz  not null default now(),
    finished_at     timestamptz
);
create index bundle_validation_slug on bundle_validation (slug, id desc);

-- A job grades a submission or validates a bundle, never both.
alter table grading_job alter column submission_id drop not null;
alter table grading_job add column validation_id bigint references bundle_validation (id);
alter table grading_job add constraint grading_job_one_subject
    check ((submission_id is null) <> (validation_id is null));
create index grading_job_validation on grading_job (validation_id) where validation_id is not null;

-- Claim order by priority: 0 a student's upload (or one regrade), 1 a bundle validation, 2 a regrade-all batch
-- (was 1 before validations took that place).
update grading_job set priority = 2 where priority = 1;
