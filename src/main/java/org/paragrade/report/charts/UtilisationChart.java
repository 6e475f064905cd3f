package org.paragrade.report.charts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * CPU utilisation (CPU time / wall time: how many cores were busy on average) as grouped bars,
 * one group per worker count, one bar per variant, with the machine's core count as a line.
 * Threads held by the GIL on CPU-bound work stay near 1 however many there are; processes rise
 * towards the core count.
 */
public final class UtilisationChart {
    private static final int WIDTH = 660;
    private static final int HEIGHT = 320;
    private static final int LEFT = 58;
    private static final int RIGHT = 190;
    private static final int TOP = 26;
    private static final int BOTTOM = 50;

    public record Bar(String variant, String label, int workers, double utilisation) {
    }

    private UtilisationChart() {
    }

    public static String render(String id, List<Bar> bars, int cores) {
        TreeSet<Integer> workerCounts = new TreeSet<>();
        Map<String, String> variants = new LinkedHashMap<>();
        double max = Math.max(1, cores);
        for (Bar b : bars) {
            workerCounts.add(b.workers());
            variants.putIfAbsent(b.variant(), b.label());
            if (Double.isFinite(b.utilisation())) {
                max = Math.max(max, b.utilisation());
            }
        }
        Axis yAxis = Axis.upTo(max * 1.08, 5);
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        java.util.function.DoubleUnaryOperator py = v -> TOP + plotH - Math.min(v, yAxis.max()) / yAxis.max() * plotH;

        Svg svg = new Svg(WIDTH, HEIGHT, id, "CPU utilisation per worker count", describe(bars, cores));
        svg.raw("<defs>");
        for (String v : variants.keySet()) {
            Style s = Style.of(v);
            // hatching per variant so bars differ in print too
            String angle = switch (s.marker()) {
                case "circle" -> "0";
                case "square" -> "90";
                case "triangle" -> "45";
                case "diamond" -> "-45";
                default -> "30";
            };
            svg.raw("<pattern id=\"" + Svg.attr(id + "-" + v) + "\" width=\"6\" height=\"6\" "
                    + "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(" + angle + ")\">"
                    + "<rect width=\"6\" height=\"6\" fill=\"" + s.colour() + "\" fill-opacity=\"0.55\"/>"
                    + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"" + s.colour() + "\" stroke-width=\"3\"/>"
                    + "</pattern>");
        }
        svg.raw("</defs>");
        for (int i = 0; i <= yAxis.ticks(); i++) {
            double v = i * yAxis.step();
            double y = py.applyAsDouble(v);
            svg.line(LEFT, y, LEFT + plotW, y, "#e5e7eb", 1, null, "grid");
            svg.text(LEFT - 8, y + 4, "end", Axis.label(v), null);
        }
        int groups = Math.max(1, workerCounts.size());
        double groupW = plotW / groups;
        int perGroup = Math.max(1, variants.size());
        double barW = Math.min(34, (groupW - 16) / perGroup);
        int g = 0;
        for (int w : workerCounts) {
            double gx = LEFT + g * groupW + (groupW - barW * perGroup) / 2;
            int k = 0;
            for (String v : variants.keySet()) {
                for (Bar b : bars) {
                    if (b.workers() == w && b.variant().equals(v) && Double.isFinite(b.utilisation())) {
                        double y = py.applyAsDouble(b.utilisation());
                        Style s = Style.of(v);
                        svg.rect(gx + k * barW, y, barW - 3, TOP + plotH - y, s.colour(), s.colour(),
                                id + "-" + v, b.label() + ", " + w + (w == 1 ? " worker: " : " workers: ")
                                        + String.format(Locale.ROOT, "%.2f cores busy", b.utilisation()),
                                "bar bar-" + v);
                    }
                }
                k++;
            }
            svg.text(LEFT + g * groupW + groupW / 2, TOP + plotH + 18, "middle",
                    w + (w == 1 ? " worker" : " workers"), null);
            g++;
        }
        svg.line(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH, "#1a1a1a", 1.5, null, "axis");
        svg.line(LEFT, TOP, LEFT, TOP + plotH, "#1a1a1a", 1.5, null, "axis");
        svg.text(16, TOP + plotH / 2, "middle", "CPU cores busy",
                "font-weight=\"600\" transform=\"rotate(-90 16 " + Svg.n(TOP + plotH / 2) + ")\"");
        svg.text(LEFT + plotW / 2, HEIGHT - 10, "middle", "CPU time ÷ wall time, per worker count",
                "font-weight=\"600\"");
        if (cores > 0) {
            double y = py.applyAsDouble(cores);
            svg.line(LEFT, y, LEFT + plotW, y, "#b91c1c", 1.5, "3 3", "cores-line");
            svg.text(LEFT + plotW - 4, y - 5, "end", cores + (cores == 1 ? " core" : " cores") + " available",
                    "fill=\"#b91c1c\" class=\"cores-label\"");
        }
        double lx = LEFT + plotW + 18;
        double ly = TOP + 6;
        svg.raw("<g class=\"legend\">");
        svg.text(lx, ly, "start", "Legend", "font-weight=\"600\"");
        ly += 20;
        for (var e : variants.entrySet()) {
            Style s = Style.of(e.getKey());
            svg.rect(lx, ly - 11, 26, 12, s.colour(), s.colour(), id + "-" + e.getKey(), null, null);
            svg.text(lx + 34, ly, "start", e.getValue(), null);
            ly += 20;
        }
        if (cores > 0) {
            svg.line(lx, ly - 4, lx + 26, ly - 4, "#b91c1c", 1.5, "3 3", null);
            svg.text(lx + 34, ly, "start", "cores: " + cores, null);
        }
        svg.raw("</g>");
        return svg.end();
    }

    private static String describe(List<Bar> bars, int cores) {
        List<String> parts = new ArrayList<>();
        for (Bar b : bars) {
            parts.add(b.label() + " at " + b.workers() + ": "
                    + String.format(Locale.ROOT, "%.2f", b.utilisation()));
        }
        return "Average number of CPU cores busy during the run" + (cores > 0 ? " (machine: " + cores + " cores)" : "")
                + ". " + String.join("; ", parts);
    }
}
