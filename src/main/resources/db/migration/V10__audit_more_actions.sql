-- The audit trail also records what an instructor authors: a bundle that passed its validation and became an
-- exercise or a new version of one (written by the grading worker with the version, in one transaction, under the
-- name of the instructor who uploaded it), the browser editor's limits and statement (likewise), and a course's
-- creation. A validation that failed changed nothing and is not an entry (its report stays in bundle_validation).
alter table audit_entry drop constraint audit_entry_action_check;
alter table audit_entry add constraint audit_entry_action_check
    check (action in ('REGRADE', 'REGRADE_ALL', 'OVERRIDE', 'REVIEW_ACCEPT', 'DEADLINE_CHANGE', 'EXTENSION',
                      'OFFER_CHANGE', 'PUBLISH', 'EXERCISE_SETTINGS', 'ROSTER_IMPORT', 'MEMBER_ROLE',
                      'BUNDLE_UPLOAD', 'LIMITS_EDIT', 'COURSE_CREATE'));
