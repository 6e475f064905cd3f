-- The graders' desk, similarity: a JPlag run over every student's kept submission of one exercise, in one
-- course or in all (course_id null), kept so that a page load does not run JPlag again; its pairs with the
-- matched regions; and a grader's "reviewed" mark on a pair of submissions, which outlives the runs.

create table similarity_run (
    id               bigserial primary key,
    exercise_id      bigint      not null references exercise (id),
    course_id        bigint references course (id),
    state            varchar(10) not null check (state in ('RUNNING', 'DONE', 'FAILED')),
    input_key        text        not null,   -- the kept submissions' ids, sorted: another set makes the run stale
    submissions      int         not null,   -- kept submissions given to JPlag
    left_out         int         not null default 0,   -- kept submissions over the bound, not compared
    skipped          jsonb       not null default '[]',  -- [{submission, student, reason}] JPlag could not compare
    pairs_total      int         not null default 0,   -- pairs JPlag compared (the kept pairs are the most similar)
    message          text,
    requested_by_id  bigint references account (id),
    created_at       timestamptz not null default now(),
    finished_at      timestamptz,
    millis           bigint
);
create index similarity_run_latest on similarity_run (exercise_id, course_id, id desc);
-- One run at a time per exercise and course (or all courses).
create unique index similarity_run_one_running on similarity_run (exercise_id, coalesce(course_id, 0))
    where state = 'RUNNING';

create table similarity_pair (
    id            bigserial primary key,
    run_id        bigint           not null references similarity_run (id) on delete cascade,
    submission_a  bigint           not null references submission (id),
    submission_b  bigint           not null references submission (id),
    similarity    double precision not null check (similarity between 0 and 1),
    regions       jsonb            not null   -- [{fileA, fromA, toA, fileB, fromB, toB, tokens}]
);
create index similarity_pair_run on similarity_pair (run_id, similarity desc);

create table similarity_review (
    id              bigserial primary key,
    submission_a    bigint      not null references submission (id),
    submission_b    bigint      not null references submission (id),
    reviewed_by_id  bigint      not null references account (id),
    reviewed_at     timestamptz not null default now(),
    check (submission_a < submission_b),
    unique (submission_a, submission_b)
);
