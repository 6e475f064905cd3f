package org.paragrade.grading.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link GradingReport} to the JSON stored on a submission and reads it back. Reading is
 * lenient (reports stored by earlier versions load: unknown fields are ignored, a missing part is
 * absent); writing is safe for PostgreSQL's jsonb (no NUL character survives) and bounded
 * ({@link #MAX_REPORT_CHARS}): everything in a report that came from the student's process is theirs
 * to make as large as they like.
 */
public final class ReportCodec {
    /** A stored report never exceeds this (a 7 MB exception message once made a 56 MB report). */
    public static final int MAX_REPORT_CHARS = 256 * 1024;
    /** Every free text in a report (a message, a traceback, a stream) is cut here. */
    public static final int MAX_TEXT_CHARS = 16 * 1024;

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ReportCodec.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL, true)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false)
            .registerModule(new SimpleModule().addSerializer(String.class, new NoNul()));

    private ReportCodec() {
    }

    public static String write(GradingReport report) {
        try {
            String json = JSON.writeValueAsString(report);
            if (json.length() <= MAX_REPORT_CHARS) {
                return json;
            }
            json = JSON.writeValueAsString(shrunk(report));
            return json.length() <= MAX_REPORT_CHARS ? json : JSON.writeValueAsString(bare(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a grading report could not be written", e);
        }
    }

    /** The stored report; an empty one for none, and for one that cannot be read (never an error page). */
    public static GradingReport read(String json) {
        if (json == null || json.isBlank()) {
            return GradingReport.empty();
        }
        try {
            GradingReport r = JSON.readValue(json, GradingReport.class);
            return r == null ? GradingReport.empty() : r;
        } catch (IOException | RuntimeException e) {
            return withoutFlags(json, e);
        }
    }

    /** A report whose flags this version cannot read (a code it does not know) keeps everything else. */
    private static GradingReport withoutFlags(String json, Exception why) {
        try {
            var tree = JSON.readTree(json);
            if (tree instanceof com.fasterxml.jackson.databind.node.ObjectNode o && o.has("flags")) {
                o.remove("flags");
                LOG.warnf("A stored report's flags could not be read (%s); shown without them", why.getMessage());
                return JSON.treeToValue(o, GradingReport.class);
            }
        } catch (IOException | RuntimeException again) {
            // below
        }
        LOG.warnf("A stored report could not be read (%s); shown as empty", why.getMessage());
        return GradingReport.empty();
    }

    /** A text cut to {@link #MAX_TEXT_CHARS}, saying so. */
    public static String cut(String s) {
        if (s == null || s.length() <= MAX_TEXT_CHARS) {
            return s;
        }
        return s.substring(0, MAX_TEXT_CHARS) + "\n… (cut)";
    }

    /** The last resort: the grade and its words, the figures, at most ten flags; no case list, output or traceback. */
    private static GradingReport bare(GradingReport r) {
        var c = r.correctness();
        var summary = c == null ? null : new CorrectnessReport(c.passed(), c.total(), c.runs(), c.runsPassed(), List.of());
        var flags = r.flags().stream().limit(10).map(f -> new org.paragrade.measure.Flag(f.code(),
                f.message().length() > 300 ? f.message().substring(0, 300) + " …" : f.message(), f.file(), f.line()))
                .toList();
        return new GradingReport(r.message(), summary, r.performance(), r.scoreBreakdown(), List.of("This report was"
                + " shortened to its grade and figures: what the program produced was too large to keep."), flags, null,
                null, null, r.internalError() == null ? null : cut(r.internalError()));
    }

    /** The same report without the parts that can be large: output, stacks, long case messages. */
    private static GradingReport shrunk(GradingReport r) {
        CorrectnessReport c = r.correctness();
        if (c != null) {
            List<CaseResult> cases = new ArrayList<>();
            for (CaseResult k : c.cases()) {
                String m = k.message() != null && k.message().length() > 300 ? k.message().substring(0, 300) + " …" : k.message();
                cases.add(new CaseResult(k.name(), k.verdict(), k.timeMs(), m, k.stress()));
            }
            c = new CorrectnessReport(c.passed(), c.total(), c.runs(), c.runsPassed(), cases);
        }
        List<String> feedback = new ArrayList<>();
        for (String f : r.feedback()) {
            feedback.add(f.length() > 1000 ? f.substring(0, 1000) + " …" : f);
        }
        feedback.add("This report was shortened: the program's output, stacks and long messages were too large to keep.");
        String traceback = r.traceback() != null && r.traceback().length() > 4000
                ? r.traceback().substring(0, 4000) + "\n… (cut)" : r.traceback();
        return new GradingReport(r.message(), c, r.performance(), r.scoreBreakdown(), feedback, r.flags(), null,
                traceback, null, r.internalError());
    }

    /** PostgreSQL's jsonb refuses \u0000 in text: a NUL becomes U+FFFD (the replacement character). */
    private static final class NoNul extends StdSerializer<String> {
        NoNul() {
            super(String.class);
        }

        @Override
        public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.indexOf('\0') < 0 ? value : value.replace('\0', '\uFFFD'));
        }
    }
}
