package org.paragrade.report.charts;

import java.util.List;
import java.util.Locale;

/**
 * How the students' speed-ups are spread: counts per bin of speed-up, with the reference
 * speed-up marked. A grader sees at a glance who parallelised and who did not.
 */
public final class SpeedupHistogram {
    private static final int WIDTH = 660;
    private static final int HEIGHT = 300;
    private static final int LEFT = 58;
    private static final int RIGHT = 24;
    private static final int TOP = 30;
    private static final int BOTTOM = 50;

    private SpeedupHistogram() {
    }

    /**
     * @param values    one speed-up per student (non-finite values are ignored)
     * @param reference the reference speed-up to mark, or null
     * @param workers   the worker count the speed-ups were taken at (for the axis label), or 0
     */
    public static String render(String id, List<Double> values, Double reference, int workers) {
        double top = reference == null ? 1 : reference;
        for (Double v : values) {
            if (v != null && Double.isFinite(v)) {
                top = Math.max(top, v);
            }
        }
        double binWidth = top <= 2 ? 0.25 : top <= 5 ? 0.5 : 1;
        int bins = (int) Math.ceil((top + 1e-9) / binWidth) + (top % binWidth == 0 ? 1 : 0);
        bins = Math.max(4, Math.min(bins, 40));
        int[] counts = new int[bins];
        int n = 0;
        for (Double v : values) {
            if (v == null || !Double.isFinite(v)) {
                continue;
            }
            int b = (int) Math.floor(Math.max(0, v) / binWidth);
            counts[Math.min(b, bins - 1)]++;
            n++;
        }
        int maxCount = 1;
        for (int c : counts) {
            maxCount = Math.max(maxCount, c);
        }
        Axis yAxis = Axis.upTo(maxCount, Math.min(maxCount, 5));
        if (yAxis.step() < 1) {
            yAxis = new Axis(Math.max(1, Math.ceil(yAxis.max())), 1);
        }
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double xMax = bins * binWidth;
        final Axis y = yAxis;
        java.util.function.DoubleUnaryOperator px = v -> LEFT + v / xMax * plotW;
        java.util.function.DoubleUnaryOperator py = c -> TOP + plotH - c / y.max() * plotH;

        String what = "speed-up" + (workers > 0 ? " at " + workers + " workers" : "");
        Svg svg = new Svg(WIDTH, HEIGHT, id, "Distribution of students' " + what,
                n + (n == 1 ? " student" : " students") + " with a graded submission; counts per bin of " + Axis.label(binWidth) + "×"
                        + (reference == null ? "" : "; reference speed-up "
                        + String.format(Locale.ROOT, "%.2f×", reference)));
        for (int i = 0; i <= yAxis.ticks(); i++) {
            double c = i * yAxis.step();
            svg.line(LEFT, py.applyAsDouble(c), LEFT + plotW, py.applyAsDouble(c), "#e5e7eb", 1, null, "grid");
            svg.text(LEFT - 8, py.applyAsDouble(c) + 4, "end", Axis.label(c), null);
        }
        for (int b = 0; b < bins; b++) {
            double x0 = px.applyAsDouble(b * binWidth);
            double x1 = px.applyAsDouble((b + 1) * binWidth);
            if (counts[b] > 0) {
                double yy = py.applyAsDouble(counts[b]);
                svg.rect(x0 + 1, yy, x1 - x0 - 2, TOP + plotH - yy, "#1d4ed8", "#1e3a8a", null,
                        counts[b] + (counts[b] == 1 ? " student" : " students") + " between "
                                + Axis.label(b * binWidth) + "× and " + Axis.label((b + 1) * binWidth) + "×",
                        "bar");
            }
        }
        int labelEvery = Math.max(1, bins / 10);
        for (int b = 0; b <= bins; b += labelEvery) {
            double x = px.applyAsDouble(b * binWidth);
            svg.line(x, TOP + plotH, x, TOP + plotH + 5, "#1a1a1a", 1, null, null);
            svg.text(x, TOP + plotH + 18, "middle", Axis.label(b * binWidth) + "×", null);
        }
        svg.line(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH, "#1a1a1a", 1.5, null, "axis");
        svg.line(LEFT, TOP, LEFT, TOP + plotH, "#1a1a1a", 1.5, null, "axis");
        svg.text(LEFT + plotW / 2, HEIGHT - 10, "middle", "students' " + what, "font-weight=\"600\"");
        svg.text(16, TOP + plotH / 2, "middle", "students",
                "font-weight=\"600\" transform=\"rotate(-90 16 " + Svg.n(TOP + plotH / 2) + ")\"");
        if (reference != null && Double.isFinite(reference)) {
            double x = px.applyAsDouble(Math.min(reference, xMax));
            svg.line(x, TOP - 4, x, TOP + plotH, "#15803d", 2, "8 4", "reference-line");
            svg.text(x + 4, TOP - 10, "start", String.format(Locale.ROOT, "reference %.2f×", reference),
                    "fill=\"#15803d\" class=\"reference-label\"");
        }
        return svg.end();
    }
}
