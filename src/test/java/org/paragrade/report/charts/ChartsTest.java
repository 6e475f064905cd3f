package org.paragrade.report.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class ChartsTest {

    private static final List<SpeedupChart.Series> CURVES = List.of(
            new SpeedupChart.Series("student", "your solution",
                    List.of(new SpeedupChart.Point(1, 0.98), new SpeedupChart.Point(2, 1.82),
                            new SpeedupChart.Point(4, 1.85))),
            new SpeedupChart.Series("sequential", "sequential reference", List.of(new SpeedupChart.Point(1, 1.0))),
            new SpeedupChart.Series("threads", "threads reference",
                    List.of(new SpeedupChart.Point(1, 0.99), new SpeedupChart.Point(2, 0.97),
                            new SpeedupChart.Point(4, 0.95))),
            new SpeedupChart.Series("processes", "processes reference",
                    List.of(new SpeedupChart.Point(1, 0.97), new SpeedupChart.Point(2, 1.91),
                            new SpeedupChart.Point(4, 1.93))));

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static int count(Document doc, String xpath) throws Exception {
        return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET))
                .getLength();
    }

    static String text(Document doc) {
        return doc.getDocumentElement().getTextContent();
    }

    @Test
    void speedupChartIsWellFormedSvgWithEverySeriesTheIdealLineAndTheCores() throws Exception {
        String svg = SpeedupChart.render("speedup", CURVES, 2);
        Document doc = parse(svg);
        assertThat(doc.getDocumentElement().getNodeName()).isEqualTo("svg");
        assertThat(doc.getDocumentElement().getAttribute("role")).isEqualTo("img");
        for (String v : List.of("student", "sequential", "threads", "processes")) {
            assertThat(count(doc, "//g[@class='series series-" + v + "']")).as(v).isEqualTo(1);
        }
        // student, threads and processes are curves; sequential is a flat baseline
        assertThat(count(doc, "//g[@class='series series-student']/polyline")).isEqualTo(1);
        assertThat(count(doc, "//g[@class='series series-sequential']/line")).isEqualTo(1);
        assertThat(count(doc, "//line[@class='ideal-line']")).isEqualTo(1);
        assertThat(count(doc, "//line[@class='cores-line']")).isEqualTo(1);
        String legend = ((org.w3c.dom.Element) XPathFactory.newInstance().newXPath()
                .evaluate("//g[@class='legend']", doc, XPathConstants.NODE)).getTextContent();
        assertThat(legend).contains("your solution", "sequential reference", "threads reference",
                "processes reference", "ideal (linear)", "cores: 2");
        assertThat(text(doc)).contains("workers", "speed-up vs sequential", "2 cores");
        // a tooltip per measured point says what it is
        assertThat(svg).contains("your solution, 2 workers: 1.82×");
    }

    @Test
    void idealLineGoesThroughOneAtOneWorkerAndNAtN() throws Exception {
        Document doc = parse(SpeedupChart.render("s", CURVES, 2));
        var line = (org.w3c.dom.Element) XPathFactory.newInstance().newXPath()
                .evaluate("//line[@class='ideal-line']", doc, XPathConstants.NODE);
        double x1 = Double.parseDouble(line.getAttribute("x1"));
        double y1 = Double.parseDouble(line.getAttribute("y1"));
        double x2 = Double.parseDouble(line.getAttribute("x2"));
        double y2 = Double.parseDouble(line.getAttribute("y2"));
        // slope 1 in data units: the same number of pixels per worker on x as per "×" on y is not
        // required, but the line must start at the origin and rise to 4× at 4 workers.
        assertThat(x2).isGreaterThan(x1);
        assertThat(y2).isLessThan(y1);
        assertThat(svg4xLabel(doc)).isTrue();
    }

    private static boolean svg4xLabel(Document doc) throws Exception {
        return count(doc, "//text[.='4×']") == 1;
    }

    @Test
    void coresBeyondTheMeasuredRangeAreStillNamedInTheLegend() throws Exception {
        Document doc = parse(SpeedupChart.render("s", CURVES, 16));
        assertThat(count(doc, "//line[@class='cores-line']")).isZero();
        assertThat(text(doc)).contains("cores: 16");
    }

    @Test
    void labelsAreEscaped() throws Exception {
        var series = List.of(new SpeedupChart.Series("student", "<script>&\"", List.of(new SpeedupChart.Point(1, 1))));
        String svg = SpeedupChart.render("x\"y", series, 2);
        assertThat(svg).doesNotContain("<script>");
        assertThat(text(parse(svg))).contains("<script>&\"");
    }

    @Test
    void utilisationBarsOnePerVariantAndWorkerCountWithCoresLine() throws Exception {
        List<UtilisationChart.Bar> bars = new ArrayList<>();
        for (int w : new int[] {1, 2, 4}) {
            bars.add(new UtilisationChart.Bar("student", "your solution", w, Math.min(w, 2) * 0.97));
            bars.add(new UtilisationChart.Bar("threads", "threads reference", w, 1.0));
            bars.add(new UtilisationChart.Bar("processes", "processes reference", w, Math.min(w, 2) * 0.98));
        }
        bars.add(new UtilisationChart.Bar("sequential", "sequential reference", 1, 0.99));
        Document doc = parse(UtilisationChart.render("cpu", bars, 2));
        assertThat(count(doc, "//rect[contains(@class,'bar ')]")).isEqualTo(10);
        assertThat(count(doc, "//rect[@class='bar bar-threads']")).isEqualTo(3);
        assertThat(count(doc, "//line[@class='cores-line']")).isEqualTo(1);
        assertThat(text(doc)).contains("2 cores available", "CPU cores busy", "1 worker", "4 workers",
                "your solution", "threads reference");
        // patterns are defined for every variant, so bars differ in grey print as well
        assertThat(count(doc, "//pattern")).isEqualTo(4);
    }

    @Test
    void histogramCountsEveryStudentOnceAndMarksTheReference() throws Exception {
        List<Double> values = List.of(0.9, 0.95, 1.0, 1.7, 1.8, 1.85, 3.0);
        String svg = SpeedupHistogram.render("hist", values, 1.9, 2);
        Document doc = parse(svg);
        var xp = XPathFactory.newInstance().newXPath();
        NodeList bars = (NodeList) xp.evaluate("//rect[@class='bar']/title", doc, XPathConstants.NODESET);
        int total = 0;
        for (int i = 0; i < bars.getLength(); i++) {
            total += Integer.parseInt(bars.item(i).getTextContent().split(" ")[0]);
        }
        assertThat(total).isEqualTo(values.size());
        assertThat(count(doc, "//line[@class='reference-line']")).isEqualTo(1);
        assertThat(text(doc)).contains("reference 1.90×", "students' speed-up at 2 workers");
    }

    @Test
    void emptyHistogramStillDrawsAxes() throws Exception {
        Document doc = parse(SpeedupHistogram.render("hist", List.of(), null, 0));
        assertThat(count(doc, "//line[@class='axis']")).isEqualTo(2);
        assertThat(count(doc, "//rect[@class='bar']")).isZero();
    }
}
