package org.paragrade.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.paragrade.submission.Grade;
import org.paragrade.submission.Submission;

/**
 * A submission and its report as the API and the portal show it (the JSON fields of the design).
 * The automatic report is stored as JSON on the submission by the grading engine; this adds the
 * identity, status, progress and any grader override around it.
 */
public final class SubmissionView {
    static final ObjectMapper JSON = new ObjectMapper();

    private SubmissionView() {
    }

    public static ObjectNode of(Submission s, long queuePosition) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", s.id);
        n.put("exercise", s.exercise.slug);
        n.put("exerciseTitle", s.exercise.title);
        n.put("version", s.version.version);
        n.put("student", s.student.username);
        n.put("attempt", s.attempt);
        n.put("filename", s.filename);
        n.put("status", s.status);
        if (s.verdict == null) {
            n.putNull("verdict");
        } else {
            n.put("verdict", s.verdict);
        }
        Grade override = Grade.currentOverride(s.id).orElse(null);
        Double automatic = s.score;
        Double score = override != null ? Double.valueOf(override.score) : automatic;
        putNumber(n, "score", score);
        putNumber(n, "automaticScore", automatic);
        putNumber(n, "maxScore", s.maxScore != null ? s.maxScore : s.version.manifest().scoring().max());
        if (override != null) {
            ObjectNode o = n.putObject("override");
            o.put("score", override.score);
            o.put("comment", override.comment);
            o.put("by", override.author == null ? null : override.author.username);
            o.put("at", override.createdAt.toString());
        } else {
            n.putNull("override");
        }
        ObjectNode progress = n.putObject("progress");
        progress.put("phase", s.progressPhase);
        progress.put("done", s.progressDone);
        progress.put("total", s.progressTotal);
        if (Submission.QUEUED.equals(s.status) && queuePosition > 0) {
            progress.put("queuePosition", queuePosition);
        }
        JsonNode report = parse(s.report);
        for (String field : List.of("correctness", "performance", "feedback", "output", "scoreBreakdown",
                "sandbox", "message")) {
            JsonNode v = report.get(field);
            if (v != null) {
                n.set(field, v);
            } else if (field.equals("feedback")) {
                n.putArray("feedback");
            } else if (field.equals("correctness") || field.equals("performance")) {
                n.putNull(field);
            }
        }
        ArrayNode history = n.putArray("grades");
        for (Grade g : Grade.history(s.id)) {
            ObjectNode h = history.addObject();
            h.put("kind", g.kind);
            h.put("score", g.score);
            h.put("maxScore", g.maxScore);
            h.put("verdict", g.verdict);
            h.put("comment", g.comment);
            h.put("by", g.author == null ? null : g.author.username);
            h.put("at", g.createdAt.toString());
        }
        n.put("createdAt", s.createdAt.toString());
        if (s.gradedAt == null) {
            n.putNull("gradedAt");
        } else {
            n.put("gradedAt", s.gradedAt.toString());
        }
        return n;
    }

    /** The short form used in lists. */
    public static ObjectNode summary(Submission s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", s.id);
        n.put("exercise", s.exercise.slug);
        n.put("student", s.student.username);
        n.put("attempt", s.attempt);
        n.put("status", s.status);
        n.put("verdict", s.verdict);
        Grade override = Grade.currentOverride(s.id).orElse(null);
        putNumber(n, "score", override != null ? Double.valueOf(override.score) : s.score);
        putNumber(n, "maxScore", s.maxScore);
        JsonNode perf = parse(s.report).path("performance");
        if (perf.has("studentSpeedup")) {
            n.set("studentSpeedup", perf.get("studentSpeedup"));
        }
        n.put("createdAt", s.createdAt.toString());
        n.put("gradedAt", s.gradedAt == null ? null : s.gradedAt.toString());
        return n;
    }

    static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }

    private static void putNumber(ObjectNode n, String field, Double v) {
        if (v == null) {
            n.putNull(field);
        } else {
            n.put(field, v);
        }
    }
}
