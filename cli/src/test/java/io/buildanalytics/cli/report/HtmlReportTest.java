package io.buildanalytics.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Parses the report as strict XML, so an unclosed element or a bare {@code <} from the data fails the parse. */
class HtmlReportTest {

    private static final String BAR = "g[@class='bar']";

    private final String html = new HtmlReport().render(SampleReports.full());
    private final Document document = parse(html);
    private final XPath xpath = XPathFactory.newInstance().newXPath();

    @Test
    void markupFromPipelineNamesIsTextNotElements() {
        assertThat(nodes("//script")).isEmpty();
        assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script");
        assertThat(text("//*[@id='failing-pipelines']/" + BAR + "[2]/title"))
                .isEqualTo(SampleReports.SCRIPT_PIPELINE + " on teamcity-lab: 3 of 5 runs failed (60.0%)");
        assertThat(text("//*[@id='failing-pipelines']/" + BAR + "[3]/*[@class='label']"))
                .isEqualTo("docs & \"site\" (jenkins-main)");
        assertThat(html).doesNotContain("\u001b");
    }

    @Test
    void theFileLoadsNothingFromElsewhereAndForbidsScripts() {
        assertThat(nodes("//@src | //@href | //link | //img | //iframe | //object")).isEmpty();
        assertThat(html).doesNotContain("url(").doesNotContain("@import");
        assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http:").doesNotContain("https:");
        assertThat(attribute("//meta[@http-equiv='Content-Security-Policy']", "content"))
                .startsWith("default-src 'none'");
    }

    @Test
    void tilesShowTheHeadlinesInTheirBandColours() {
        assertThat(texts("//*[@id='measures']//div[@class='tile']/h3")).containsExactly("Deployment frequency", "Lead time", "Change failure rate", "Recovery time",
                        "Build failure rate", "Build duration", "Queue time");
        assertThat(tile("Deployment frequency")).containsExactly("5.0 days/week", "14 deployments", "Elite",
                "median of 3 whole weeks");
        assertThat(tile("Lead time")).containsExactly("4.0 h median", "p90 24.0 h \u00b7 15 commits", "Elite");
        assertThat(tile("Change failure rate")).containsExactly("14.3%", "2 of 14 rolled back", "Medium",
                "CI-derived: rollbacks only");
        assertThat(tile("Recovery time")).containsExactly("34.0 h median of 2 rollbacks", "Medium",
                "CI-derived: rollbacks only");
        assertThat(tile("Build failure rate")).startsWith("20.8%", "10 of 48 runs failed");
        assertThat(tile("Build duration")).containsExactly("8.0 min median", "p95 21.0 min");
        assertThat(tile("Queue time")).containsExactly("45 s median", "p95 3.0 min");

        assertThat(tileColour("Deployment frequency")).isEqualTo("#1a7f37");
        assertThat(tileColour("Lead time")).isEqualTo("#1a7f37");
        assertThat(tileColour("Change failure rate")).isEqualTo("#d97706");
        assertThat(tileColour("Build failure rate")).isEqualTo("#4b5563");
    }

    @Test
    void aSelectionWithoutDataHasGreyTilesAndNoEmptyCharts() {
        String empty = new HtmlReport().render(SampleReports.empty());
        Document emptyDocument = parse(empty);
        assertThat(evaluate(emptyDocument, "//div[@class='tile'][h3='Lead time']/@style"))
                .isEqualTo("--band: #6b7280");
        assertThat(evaluate(emptyDocument, "//div[@class='tile'][h3='Deployment frequency']/@style"))
                .isEqualTo("--band: #c0392b");
        assertThat(evaluate(emptyDocument, "//*[@id='servers']/p")).isEqualTo("No events from any CI server.");
        assertThat(evaluate(emptyDocument, "//*[@id='failing']/p")).isEqualTo("No failed runs in range.");
        assertThat(evaluate(emptyDocument, "count(//*[@id='failing-pipelines'])")).isEqualTo("0");
        assertThat(evaluate(emptyDocument, "count(//*[@id='weekly-deployments']/" + BAR + ")")).isEqualTo("1");
    }

    @Test
    void serverTableHasOneRowPerServerWithDashesForNoData() {
        assertThat(row("jenkins-main")).containsExactly("jenkins-main", "jenkins", "40", "14", "5.0", "4.0 h",
                "14.3%", "34.0 h", "19.4%", "8.0 min");
        assertThat(row("teamcity-lab")).containsExactly("teamcity-lab", "teamcity", "12", "0", "0.0", "\u2013",
                "\u2013", "\u2013", "25.0%", "2.5 min");
        assertThat(attribute("//*[@id='servers']//tr[td[1]='teamcity-lab']/td[5]/span", "title")).isEqualTo("Low");
        assertThat(attribute("//*[@id='servers']//tr[td[1]='teamcity-lab']/td[5]/span", "style"))
                .contains("#c0392b");
    }

    @Test
    void weeklyDeploymentsHaveOneBarPerWeekInProportion() {
        List<Node> bars = nodes("//*[@id='weekly-deployments']/" + BAR);
        assertThat(bars).hasSize(SampleReports.full().weeks().size());
        List<Double> heights = heights("weekly-deployments");
        long[] deployments = {2, 5, 4, 3, 0};
        for (int i = 0; i < deployments.length; i++) {
            assertThat(heights.get(i) / heights.get(1)).as("week %d", i)
                    .isCloseTo(deployments[i] / 5.0, within(0.01));
        }
        assertThat(text("//*[@id='weekly-deployments']/" + BAR + "[2]/title"))
                .isEqualTo("Week of 2024-04-08: 5 deployments to production");
        assertThat(text("//*[@id='weekly-deployments']/" + BAR + "[1]/title"))
                .isEqualTo("Week of 2024-04-01 (partial): 2 deployments to production");
        assertThat(attribute("//*[@id='weekly-deployments']/" + BAR + "[1]/rect[2]", "class"))
                .isEqualTo("value muted");
        assertThat(attribute("//*[@id='weekly-deployments']/" + BAR + "[2]/rect[2]", "class")).isEqualTo("value");
    }

    @Test
    void weeklyFailureRateLeavesAWeekWithoutRunsEmptyInsteadOfZero() {
        assertThat(nodes("//*[@id='weekly-failure-rate']/" + BAR)).hasSize(5);
        assertThat(nodes("//*[@id='weekly-failure-rate']/" + BAR + "[5]/rect[@fill]")).isEmpty();
        assertThat(text("//*[@id='weekly-failure-rate']/" + BAR + "[5]/title"))
                .isEqualTo("Week of 2024-04-29 (partial): no finished runs");
        assertThat(text("//*[@id='weekly-failure-rate']/" + BAR + "[3]/title"))
                .isEqualTo("Week of 2024-04-15: 33.3% \u00b7 4 of 12 runs failed");
        List<Double> heights = heights("weekly-failure-rate");
        assertThat(heights.get(2)).isGreaterThan(heights.get(1)).isGreaterThan(heights.get(0))
                .isGreaterThan(heights.get(3));
    }

    @Test
    void chartsHaveTitlesAxisTitlesAndTicks() {
        assertThat(texts("//*[local-name()='svg']/*[@class='chart-title']")).containsExactly(
                "Deployments to production per week", "Build failure rate per week",
                "Pipelines with the most failed runs");
        assertThat(texts("//*[@id='weekly-deployments']/*[@class='axis-title']"))
                .containsExactly("Deployments", "Week starting (Monday, UTC)");
        assertThat(texts("//*[@id='weekly-failure-rate']/*[@class='tick']")).contains("0.0%", "2024-04-15");
        assertThat(texts("//*[@id='failing-pipelines']/*[@class='axis-title']")).containsExactly("Failed runs");
        assertThat(count(html, "<svg ")).isEqualTo(3).isEqualTo(count(html, "</svg>"));
    }

    @Test
    void failingPipelinesAreHorizontalBarsLongestForMostFailuresWithLongLabelsCut() {
        List<Node> bars = nodes("//*[@id='failing-pipelines']/" + BAR);
        assertThat(bars).hasSize(4);
        assertThat(texts("//*[@id='failing-pipelines']/" + BAR + "/*[@class='label']")).containsExactly(
                "shop/deploy (jenkins-main)", SampleReports.SCRIPT_PIPELINE + " (teamcity\u2026",
                "docs & \"site\" (jenkins-main)", "evil\uFFFD[31mred (jenkins-main)");
        assertThat(texts("//*[@id='failing-pipelines']/" + BAR + "/*[@class='value-text']"))
                .containsExactly("4 of 10 runs \u00b7 40.0%", "3 of 5 runs \u00b7 60.0%", "1 of 8 runs \u00b7 12.5%",
                        "1 of 2 runs \u00b7 50.0%");
        List<Double> widths = new ArrayList<>();
        for (Node bar : bars) {
            widths.add(Double.parseDouble(((Element) bar).getElementsByTagName("rect").item(1)
                    .getAttributes().getNamedItem("width").getNodeValue()));
        }
        assertThat(widths.get(1) / widths.get(0)).isCloseTo(0.75, within(0.01));
        assertThat(widths.get(2) / widths.get(0)).isCloseTo(0.25, within(0.01));
    }

    @Test
    void manyWeeksKeepEveryBarButThinOutTheDates() {
        Document many = parse(new HtmlReport().render(SampleReports.withWeeks(30)));
        assertThat(evaluate(many, "count(//*[@id='weekly-deployments']/" + BAR + ")")).isEqualTo("30");
        int dates = Integer.parseInt(evaluate(many,
                "count(//*[@id='weekly-deployments']/*[@class='tick'][starts-with(., '2024-')])"));
        assertThat(dates).isBetween(5, 15);
        assertThat(evaluate(many, "count(//*[@class='value muted'])")).isEqualTo("0");
    }

    private List<String> tile(String name) {
        return texts("//div[@class='tile'][h3='" + name + "']/p");
    }

    private String tileColour(String name) {
        return attribute("//div[@class='tile'][h3='" + name + "']", "style").replace("--band: ", "");
    }

    private List<String> row(String server) {
        return texts("//*[@id='servers']//tr[td[1]='" + server + "']/td");
    }

    /** The value bars' heights, zero for a week drawn without one. */
    private List<Double> heights(String chart) {
        List<Double> heights = new ArrayList<>();
        for (Node bar : nodes("//*[@id='" + chart + "']/" + BAR)) {
            NodeList rects = ((Element) bar).getElementsByTagName("rect");
            heights.add(rects.getLength() < 2 ? 0.0
                    : Double.parseDouble(rects.item(1).getAttributes().getNamedItem("height").getNodeValue()));
        }
        return heights;
    }

    private List<Node> nodes(String expression) {
        try {
            NodeList list = (NodeList) xpath.evaluate(expression, document, XPathConstants.NODESET);
            List<Node> nodes = new ArrayList<>();
            for (int i = 0; i < list.getLength(); i++) {
                nodes.add(list.item(i));
            }
            return nodes;
        } catch (XPathExpressionException e) {
            throw new AssertionError(e);
        }
    }

    private List<String> texts(String expression) {
        return nodes(expression).stream().map(Node::getTextContent).toList();
    }

    private String text(String expression) {
        List<String> texts = texts(expression);
        assertThat(texts).as(expression).hasSize(1);
        return texts.get(0);
    }

    private String attribute(String expression, String name) {
        List<Node> found = nodes(expression);
        assertThat(found).as(expression).hasSize(1);
        return ((Element) found.get(0)).getAttribute(name);
    }

    private String evaluate(Document in, String expression) {
        try {
            return xpath.evaluate(expression, in);
        } catch (XPathExpressionException e) {
            throw new AssertionError(e);
        }
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private static Document parse(String text) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed: " + e.getMessage(), e);
        }
    }
}
