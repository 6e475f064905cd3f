package org.paragrade.report.charts;

/**
 * How a variant is drawn: colour, dash and marker differ together, so the chart still reads
 * when printed in grey. Colours pass 4.5:1 contrast against white.
 */
record Style(String colour, String dash, String marker, double width) {

    static Style of(String variant) {
        return switch (variant == null ? "" : variant) {
            case "student" -> new Style("#1d4ed8", null, "circle", 3);
            case "sequential" -> new Style("#4b5563", "2 4", "square", 2);
            case "threads" -> new Style("#b45309", "8 4", "triangle", 2);
            case "processes" -> new Style("#15803d", "10 3 2 3", "diamond", 2);
            default -> new Style("#7e22ce", "4 2", "cross", 2);
        };
    }

    /** A marker centred on (x, y); shapes differ per variant. */
    String marker(double x, double y, String tooltip) {
        String shape = switch (marker) {
            case "square" -> "<rect x=\"" + Svg.n(x - 4) + "\" y=\"" + Svg.n(y - 4)
                    + "\" width=\"8\" height=\"8\" fill=\"" + colour + "\"";
            case "triangle" -> "<path d=\"M" + Svg.n(x) + "," + Svg.n(y - 5) + " L" + Svg.n(x + 5) + ","
                    + Svg.n(y + 4) + " L" + Svg.n(x - 5) + "," + Svg.n(y + 4) + " Z\" fill=\"" + colour + "\"";
            case "diamond" -> "<path d=\"M" + Svg.n(x) + "," + Svg.n(y - 5) + " L" + Svg.n(x + 5) + "," + Svg.n(y)
                    + " L" + Svg.n(x) + "," + Svg.n(y + 5) + " L" + Svg.n(x - 5) + "," + Svg.n(y) + " Z\" fill=\""
                    + colour + "\"";
            case "cross" -> "<path d=\"M" + Svg.n(x - 4) + "," + Svg.n(y - 4) + " L" + Svg.n(x + 4) + ","
                    + Svg.n(y + 4) + " M" + Svg.n(x - 4) + "," + Svg.n(y + 4) + " L" + Svg.n(x + 4) + ","
                    + Svg.n(y - 4) + "\" stroke=\"" + colour + "\" stroke-width=\"2\" fill=\"none\"";
            default -> "<circle cx=\"" + Svg.n(x) + "\" cy=\"" + Svg.n(y) + "\" r=\"5\" fill=\"" + colour
                    + "\" stroke=\"#ffffff\" stroke-width=\"1.5\"";
        };
        if (tooltip == null) {
            return shape + "/>";
        }
        return shape + "><title>" + Svg.text(tooltip) + "</title>" + closing();
    }

    private String closing() {
        return switch (marker) {
            case "square" -> "</rect>";
            case "triangle", "diamond", "cross" -> "</path>";
            default -> "</circle>";
        };
    }
}
