-- Courses and people: courses, their members with per-course roles, the exercises a course
-- offers (with its own deadline, late window, penalty, attempts and grade release) and per-student
-- extensions. Accounts gain an email and the first-login flag of an initial password.

alter table account add column email varchar(200);
-- true while the password is an initial one from a roster import: only a password change is allowed.
alter table account add column must_change_password boolean not null default false;

create table course (
    id          bigserial primary key,
    code        varchar(40)  not null unique,
    title       varchar(200) not null,
    time_zone   varchar(60)  not null default 'UTC',
    created_by  varchar(64),
    created_at  timestamptz  not null default now()
);

create table course_member (
    course_id   bigint      not null references course (id),
    account_id  bigint      not null references account (id),
    role        varchar(16) not null check (role in ('student', 'grader', 'instructor')),
    created_at  timestamptz not null default now(),
    primary key (course_id, account_id)
);
create index course_member_account on course_member (account_id);

create table offer (
    id                    bigserial primary key,
    course_id             bigint       not null references course (id),
    exercise_id           bigint       not null references exercise (id),
    deadline              timestamptz,
    late_until            timestamptz,
    late_penalty_per_day  double precision not null default 0
                          check (late_penalty_per_day >= 0 and late_penalty_per_day <= 1),
    max_attempts          integer check (max_attempts is null or max_attempts >= 1),
    release               varchar(16)  not null default 'immediate'
                          check (release in ('immediate', 'after-deadline')),
    created_at            timestamptz  not null default now(),
    updated_at            timestamptz  not null default now(),
    unique (course_id, exercise_id)
);

create table extension (
    offer_id    bigint      not null references offer (id),
    account_id  bigint      not null references account (id),
    deadline    timestamptz not null,
    late_until  timestamptz,
    created_by  varchar(64),
    created_at  timestamptz not null default now(),
    primary key (offer_id, account_id)
);

-- A submission is made in a course (null for submissions made before courses existed); a late one
-- records its started days and the penalty per day that applied, so the penalised score is derived
-- from the automatic (raw) score without changing it.
alter table submission add column course_id bigint references course (id);
alter table submission add column late_days integer not null default 0;
alter table submission add column late_penalty_per_day double precision not null default 0;
create index submission_course on submission (course_id, exercise_id, student_id);
