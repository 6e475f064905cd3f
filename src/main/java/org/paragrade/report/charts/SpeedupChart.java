package org.paragrade.report.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The speed-up curve of a report: speed-up against the sequential reference (y) over worker
 * counts (x), one line per variant, with the ideal linear speed-up and the machine's core count
 * marked so a reader sees at once where more workers stop paying.
 */
public final class SpeedupChart {
    private static final int WIDTH = 660;
    private static final int HEIGHT = 360;
    private static final int LEFT = 58;
    private static final int RIGHT = 190;
    private static final int TOP = 26;
    private static final int BOTTOM = 50;

    public record Point(int workers, double speedup) {
    }

    /** One variant's curve; a single point (the sequential reference) is drawn as a flat baseline. */
    public record Series(String variant, String label, List<Point> points) {
    }

    private SpeedupChart() {
    }

    public static String render(String id, List<Series> series, int cores) {
        int maxWorkers = 1;
        double maxSpeedup = 1;
        for (Series s : series) {
            for (Point p : s.points()) {
                maxWorkers = Math.max(maxWorkers, p.workers());
                if (Double.isFinite(p.speedup())) {
                    maxSpeedup = Math.max(maxSpeedup, p.speedup());
                }
            }
        }
        Axis xAxis = new Axis(maxWorkers, maxWorkers <= 10 ? 1 : Axis.upTo(maxWorkers, 8).step());
        Axis yAxis = Axis.upTo(Math.max(maxWorkers, maxSpeedup) * 1.05, 6);
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        java.util.function.DoubleUnaryOperator px = w -> LEFT + w / xAxis.max() * plotW;
        java.util.function.DoubleUnaryOperator py = v -> TOP + plotH - Math.min(v, yAxis.max()) / yAxis.max() * plotH;

        Svg svg = new Svg(WIDTH, HEIGHT, id, "Speed-up over worker counts",
                describe(series, cores));
        // grid and axes
        for (int i = 0; i <= yAxis.ticks(); i++) {
            double v = i * yAxis.step();
            double y = py.applyAsDouble(v);
            svg.line(LEFT, y, LEFT + plotW, y, "#e5e7eb", 1, null, "grid");
            svg.text(LEFT - 8, y + 4, "end", Axis.label(v) + "×", null);
        }
        for (int w = 0; w <= xAxis.max() + 1e-9; w += (int) xAxis.step()) {
            double x = px.applyAsDouble(w);
            svg.line(x, TOP + plotH, x, TOP + plotH + 5, "#1a1a1a", 1, null, null);
            svg.text(x, TOP + plotH + 18, "middle", Integer.toString(w), null);
        }
        svg.line(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH, "#1a1a1a", 1.5, null, "axis");
        svg.line(LEFT, TOP, LEFT, TOP + plotH, "#1a1a1a", 1.5, null, "axis");
        svg.text(LEFT + plotW / 2, HEIGHT - 10, "middle", "workers", "font-weight=\"600\"");
        svg.text(16, TOP + plotH / 2, "middle", "speed-up vs sequential",
                "font-weight=\"600\" transform=\"rotate(-90 16 " + Svg.n(TOP + plotH / 2) + ")\"");

        // ideal linear speed-up: n workers, n times faster
        svg.raw("<g class=\"ideal\">");
        svg.line(px.applyAsDouble(0), py.applyAsDouble(0), px.applyAsDouble(xAxis.max()),
                py.applyAsDouble(xAxis.max()), "#6b7280", 1.5, "6 5", "ideal-line");
        svg.raw("</g>");

        // the machine's cores
        if (cores > 0 && cores <= xAxis.max()) {
            double x = px.applyAsDouble(cores);
            svg.line(x, TOP, x, TOP + plotH, "#b91c1c", 1.5, "3 3", "cores-line");
            boolean atRightEdge = x > LEFT + plotW - 60;
            svg.text(atRightEdge ? x - 4 : x + 4, TOP + 12, atRightEdge ? "end" : "start",
                    cores + (cores == 1 ? " core" : " cores"), "fill=\"#b91c1c\" class=\"cores-label\"");
        }

        // the series
        for (Series s : series) {
            Style style = Style.of(s.variant());
            svg.raw("<g class=\"series series-" + Svg.attr(s.variant()) + "\">");
            List<double[]> xy = new ArrayList<>();
            if (s.points().size() == 1 && s.points().get(0).workers() == 1 && "sequential".equals(s.variant())) {
                double y = py.applyAsDouble(s.points().get(0).speedup());
                svg.line(px.applyAsDouble(1), y, px.applyAsDouble(xAxis.max()), y, style.colour(), style.width(),
                        style.dash(), null);
            }
            for (Point p : s.points()) {
                if (Double.isFinite(p.speedup())) {
                    xy.add(new double[] {px.applyAsDouble(p.workers()), py.applyAsDouble(p.speedup())});
                }
            }
            if (xy.size() > 1) {
                StringBuilder pts = new StringBuilder();
                for (double[] c : xy) {
                    pts.append(Svg.n(c[0])).append(',').append(Svg.n(c[1])).append(' ');
                }
                svg.raw("<polyline fill=\"none\" stroke=\"" + style.colour() + "\" stroke-width=\""
                        + Svg.n(style.width()) + "\"" + (style.dash() == null ? "" : " stroke-dasharray=\""
                        + style.dash() + "\"") + " stroke-linejoin=\"round\" points=\"" + pts.toString().trim()
                        + "\"/>");
            }
            for (Point p : s.points()) {
                if (Double.isFinite(p.speedup())) {
                    svg.raw(style.marker(px.applyAsDouble(p.workers()), py.applyAsDouble(p.speedup()),
                            s.label() + ", " + p.workers() + (p.workers() == 1 ? " worker: " : " workers: ")
                                    + String.format(Locale.ROOT, "%.2f×", p.speedup())));
                }
            }
            svg.raw("</g>");
        }

        // legend
        double lx = LEFT + plotW + 18;
        double ly = TOP + 6;
        svg.raw("<g class=\"legend\">");
        svg.text(lx, ly, "start", "Legend", "font-weight=\"600\"");
        ly += 20;
        for (Series s : series) {
            Style style = Style.of(s.variant());
            svg.line(lx, ly - 4, lx + 30, ly - 4, style.colour(), style.width(), style.dash(), null);
            svg.raw(style.marker(lx + 15, ly - 4, null));
            svg.text(lx + 38, ly, "start", s.label(), null);
            ly += 20;
        }
        svg.line(lx, ly - 4, lx + 30, ly - 4, "#6b7280", 1.5, "6 5", null);
        svg.text(lx + 38, ly, "start", "ideal (linear)", null);
        ly += 20;
        if (cores > 0) {
            svg.line(lx + 15, ly - 12, lx + 15, ly + 2, "#b91c1c", 1.5, "3 3", null);
            svg.text(lx + 38, ly, "start", "cores: " + cores, null);
        }
        svg.raw("</g>");
        return svg.end();
    }

    private static String describe(List<Series> series, int cores) {
        StringBuilder d = new StringBuilder("Speed-up against the sequential reference for each worker count");
        if (cores > 0) {
            d.append(" on a machine with ").append(cores).append(cores == 1 ? " core" : " cores");
        }
        d.append(". ");
        for (Series s : series) {
            d.append(s.label()).append(':');
            for (Point p : s.points()) {
                d.append(' ').append(p.workers()).append(" → ")
                        .append(String.format(Locale.ROOT, "%.2f×", p.speedup())).append(';');
            }
            d.append(' ');
        }
        return d.toString().trim();
    }
}
