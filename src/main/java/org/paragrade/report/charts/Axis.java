package org.paragrade.report.charts;

/** A linear axis from 0 to a rounded-up maximum, with "nice" ticks (1, 2, 2.5 or 5 times a power of ten). */
record Axis(double max, double step) {

    static Axis upTo(double value, int wantedTicks) {
        double v = value <= 0 || Double.isNaN(value) || Double.isInfinite(value) ? 1 : value;
        double raw = v / Math.max(1, wantedTicks);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * magnitude >= raw) {
                step = m * magnitude;
                break;
            }
        }
        double max = Math.ceil(v / step - 1e-9) * step;
        return new Axis(max, step);
    }

    int ticks() {
        return (int) Math.round(max / step);
    }

    static String label(double v) {
        if (Math.abs(v - Math.rint(v)) < 1e-9) {
            return Long.toString(Math.round(v));
        }
        String s = String.format(java.util.Locale.ROOT, "%.2f", v);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
