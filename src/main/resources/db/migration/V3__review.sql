-- The graders' desk: a student's request that a grader look at one submission, and a grader's decision
-- closing a submission's review item (who, when, why, and the grading it covered: a later grading that
-- raises reasons again brings the submission back).

create table review_decision (
    id             bigserial primary key,
    submission_id  bigint      not null references submission (id),
    action         varchar(10) not null check (action in ('accept')),
    comment        text check (comment is null or char_length(comment) <= 2000),
    reasons        jsonb       not null,   -- the reasons it closed, as the queue showed them
    graded_at      timestamptz,            -- the submission's grading it covered (null: not graded yet)
    author_id      bigint references account (id),
    created_at     timestamptz not null default now()
);
create index review_decision_submission on review_decision (submission_id, created_at);

create table review_request (
    id             bigserial primary key,
    submission_id  bigint      not null references submission (id),
    message        text        not null check (char_length(message) between 1 and 2000),
    created_at     timestamptz not null default now(),
    decision_id    bigint references review_decision (id)   -- null while open
);
-- One open request per submission.
create unique index review_request_open on review_request (submission_id) where decision_id is null;
create index review_request_submission on review_request (submission_id, created_at);
