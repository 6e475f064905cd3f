/**
 * The audit trail: who regraded, overrode, accepted, moved a deadline, published, imported a roster, uploaded or
 * edited an exercise's bundle or created a course, when, in which course, with what before and after. The
 * services that make those changes record them here in their own transaction, so an entry exists exactly when
 * its change does (a bundle's when the worker stores it as a version). This room sits below every room that
 * records (it knows courses and submissions only by id), so it can be called from all of them; who may read
 * which part of the trail is decided in {@code course/CourseTrail}.
 */
package org.paragrade.audit;
