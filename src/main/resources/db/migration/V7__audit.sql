-- The audit trail: who changed what a grade or a deadline depends on, when, in which course, written in the
-- same transaction as the change itself. Entries are only ever added. The actor is kept as the user name it
-- had (an account is never renamed; the trail must read the same if one is ever removed).

create table audit_entry (
    id             bigserial primary key,
    at             timestamptz  not null default now(),
    actor          varchar(64)  not null,
    course_id      bigint references course (id),          -- null: site-wide (an exercise's own settings)
    action         varchar(20)  not null check (action in ('REGRADE', 'REGRADE_ALL', 'OVERRIDE', 'REVIEW_ACCEPT',
                       'DEADLINE_CHANGE', 'EXTENSION', 'OFFER_CHANGE', 'PUBLISH', 'EXERCISE_SETTINGS',
                       'ROSTER_IMPORT', 'MEMBER_ROLE')),
    -- the subject: whichever of these the action is about
    submission_id  bigint references submission (id),
    exercise       varchar(64),
    student        varchar(64),
    summary        text         not null check (char_length(summary) between 1 and 2000)
);
-- Newest first, per course and over the site, paged by id.
create index audit_entry_course on audit_entry (course_id, id desc);
create index audit_entry_action on audit_entry (action, id desc);
