package org.paragrade.portal;

import io.quarkus.qute.RawString;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * An exercise statement, Markdown to HTML. Raw HTML in the Markdown is escaped, not passed
 * through, and link targets are sanitised: a statement can never inject script into the page.
 * The page has its own {@code <h1>}, so a leading heading that repeats the title is dropped and
 * the statement's headings move one level down.
 */
public final class Statement {
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private Statement() {
    }

    public static RawString html(String markdown, String title) {
        Node doc = PARSER.parse(markdown == null ? "" : markdown);
        Node first = doc.getFirstChild();
        if (first instanceof Heading h && h.getLevel() == 1 && title != null && title.equals(text(h))) {
            first.unlink();
        }
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                heading.setLevel(Math.min(6, heading.getLevel() + 1));
                visitChildren(heading);
            }
        });
        return new RawString(RENDERER.render(doc));
    }

    private static String text(Node node) {
        StringBuilder b = new StringBuilder();
        for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Text t) {
                b.append(t.getLiteral());
            } else {
                b.append(text(n));
            }
        }
        return b.toString().trim();
    }
}
