package org.paragrade.portal;

import io.quarkus.qute.TemplateExtension;
import org.paragrade.similarity.Jplag;
import org.paragrade.similarity.SimilarityDesk;

/** How a pair's code reads: the matched regions take one of six marks, the same on both sides. */
@TemplateExtension
public final class SimilarityFormats {
    static final int MARKS = 6;

    private SimilarityFormats() {
    }

    /** {@code line.mark}: "match match-3" for a line of region 3 (or 9, 15...), "" outside every region. */
    static String mark(SimilarityDesk.Line line) {
        return line.region() == 0 ? "" : "match match-" + ((line.region() - 1) % MARKS + 1);
    }

    /** {@code region.lines(true)}: "12–20" on side A. */
    static String lines(Jplag.Region region, boolean sideA) {
        int from = sideA ? region.fromA() : region.fromB();
        int to = sideA ? region.toA() : region.toB();
        return from == to ? Integer.toString(from) : from + "–" + to;
    }
}
