-- Paragrade schema. Flyway owns it; Hibernate only validates. Never edit a landed migration.

create table account (
    id            bigserial primary key,
    username      varchar(64)  not null unique,
    password_hash varchar(100) not null,
    role          varchar(16)  not null check (role in ('student', 'instructor', 'grader')),
    display_name  varchar(200),
    created_at    timestamptz  not null default now()
);

create table exercise (
    id                 bigserial primary key,
    slug               varchar(40)  not null unique,
    title              varchar(200) not null,
    kind               varchar(10)  not null check (kind in ('cpu', 'io', 'sync', 'mixed')),
    published          boolean      not null default false,
    deadline           timestamptz,
    max_attempts       integer,
    current_version_id bigint,
    created_at         timestamptz  not null default now(),
    updated_at         timestamptz  not null default now()
);

-- Immutable once written: a submission records the version it was graded against.
create table exercise_version (
    id            bigserial primary key,
    exercise_id   bigint      not null references exercise (id),
    version       integer     not null,
    content_hash  char(64)    not null,
    bundle        bytea       not null,  -- the bundle as a zip, exactly as validated
    manifest      jsonb       not null,  -- exercise.yaml, parsed
    statement     text        not null,
    source        varchar(20) not null,  -- import | upload | edit
    validation    jsonb,                 -- the validation report, when validated
    valid         boolean,
    created_by    varchar(64),
    created_at    timestamptz not null default now(),
    unique (exercise_id, version)
);
alter table exercise add constraint exercise_current_version_fk
    foreign key (current_version_id) references exercise_version (id);

create table submission (
    id              bigserial primary key,
    exercise_id     bigint      not null references exercise (id),
    version_id      bigint      not null references exercise_version (id),
    student_id      bigint      not null references account (id),
    attempt         integer     not null,
    filename        varchar(255) not null,
    status          varchar(10) not null check (status in ('QUEUED', 'RUNNING', 'GRADED', 'ERROR')),
    verdict         varchar(20),
    score           double precision,
    max_score       double precision,
    progress_phase  varchar(40),
    progress_done   integer     not null default 0,
    progress_total  integer     not null default 0,
    report          jsonb,               -- correctness, performance, feedback of the current automatic grade
    created_at      timestamptz not null default now(),
    graded_at       timestamptz
);
create index submission_exercise_student on submission (exercise_id, student_id);

create table submission_file (
    id             bigserial primary key,
    submission_id  bigint       not null references submission (id),
    path           varchar(255) not null,
    content        bytea        not null,
    sha256         char(64)     not null,
    size           integer      not null,
    unique (submission_id, path)
);

-- The grading queue: claimed with FOR UPDATE SKIP LOCKED under a lease.
create table grading_job (
    id               bigserial primary key,
    submission_id    bigint      not null references submission (id),
    state            varchar(10) not null check (state in ('QUEUED', 'RUNNING', 'DONE', 'DEAD')),
    attempt          integer     not null default 0,
    max_attempts     integer     not null default 3,
    lease_owner      varchar(120),
    lease_expires_at timestamptz,
    run_after        timestamptz not null default now(),
    last_error       text,
    created_at       timestamptz not null default now(),
    started_at       timestamptz,
    finished_at      timestamptz
);
create index grading_job_claim on grading_job (state, run_after, id);
create index grading_job_submission on grading_job (submission_id);

-- Automatic grades (one per grading, history kept on regrade) and grader overrides, side by side.
create table grade (
    id             bigserial primary key,
    submission_id  bigint      not null references submission (id),
    kind           varchar(10) not null check (kind in ('AUTO', 'OVERRIDE')),
    verdict        varchar(20),
    score          double precision not null,
    max_score      double precision not null,
    comment        text,
    author_id      bigint references account (id),
    job_id         bigint references grading_job (id),
    created_at     timestamptz not null default now()
);
create index grade_submission on grade (submission_id, kind, created_at);
create unique index grade_once_per_job on grade (job_id) where job_id is not null;

-- Every benchmark run behind a grade, so a grader can see why.
create table run_measurement (
    id              bigserial primary key,
    grade_id        bigint           not null references grade (id),
    variant         varchar(40)      not null,
    workers         integer          not null,
    round           integer          not null,
    wall_ms         double precision not null,
    cpu_ms          double precision not null,
    max_threads     integer          not null,
    max_processes   integer          not null,
    peak_memory_mb  double precision not null
);
create index run_measurement_grade on run_measurement (grade_id);

-- Expected values, computed from the trusted sequential reference once per version.
create table reference_output (
    version_id  bigint      not null references exercise_version (id),
    case_key    varchar(64) not null,   -- sha-256 of the canonical params
    value       jsonb       not null,
    created_at  timestamptz not null default now(),
    primary key (version_id, case_key)
);
