package org.paragrade.portal;

import io.quarkus.qute.RawString;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * An exercise statement, Markdown to HTML. Raw HTML in the Markdown is escaped, not passed
 * through, and link targets are sanitised: a statement can never inject script into the page.
 */
public final class Statement {
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private Statement() {
    }

    public static RawString html(String markdown) {
        return new RawString(RENDERER.render(PARSER.parse(markdown == null ? "" : markdown)));
    }
}
