package org.paragrade.report.charts;

import java.util.Locale;

/** A small SVG writer: escapes every text and attribute it is given, formats numbers without locale surprises. */
final class Svg {
    private final StringBuilder out = new StringBuilder(4096);

    Svg(int width, int height, String titleId, String title, String description) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-labelledby=\"").append(attr(titleId)).append("-t ")
                .append(attr(titleId)).append("-d\" font-family=\"system-ui, sans-serif\" font-size=\"12\">")
                .append("<title id=\"").append(attr(titleId)).append("-t\">").append(text(title)).append("</title>")
                .append("<desc id=\"").append(attr(titleId)).append("-d\">").append(text(description)).append("</desc>")
                .append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" fill=\"#ffffff\"/>");
    }

    Svg raw(String markup) {
        out.append(markup);
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double width, String dash, String cssClass) {
        out.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(attr(stroke))
                .append("\" stroke-width=\"").append(n(width)).append('"');
        if (dash != null) {
            out.append(" stroke-dasharray=\"").append(attr(dash)).append('"');
        }
        if (cssClass != null) {
            out.append(" class=\"").append(attr(cssClass)).append('"');
        }
        out.append("/>");
        return this;
    }

    Svg text(double x, double y, String anchor, String content, String extra) {
        out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"")
                .append(anchor).append('"');
        if (extra == null || !extra.contains("fill=")) {
            out.append(" fill=\"#1a1a1a\"");
        }
        if (extra != null) {
            out.append(' ').append(extra);
        }
        out.append('>').append(text(content)).append("</text>");
        return this;
    }

    Svg rect(double x, double y, double w, double h, String fill, String stroke, String pattern, String tooltip,
             String cssClass) {
        out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"")
                .append(n(Math.max(0, w))).append("\" height=\"").append(n(Math.max(0, h))).append("\" fill=\"")
                .append(attr(pattern != null ? "url(#" + pattern + ")" : fill)).append("\" stroke=\"")
                .append(attr(stroke)).append('"');
        if (cssClass != null) {
            out.append(" class=\"").append(attr(cssClass)).append('"');
        }
        if (tooltip != null) {
            out.append("><title>").append(text(tooltip)).append("</title></rect>");
        } else {
            out.append("/>");
        }
        return this;
    }

    String end() {
        return out.append("</svg>").toString();
    }

    static String n(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    static String attr(String s) {
        return text(s);
    }
}
