package org.paragrade.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RenderedPagesTest {

    @Test
    void aPageIsRenderedOncePerTagAndAnotherTagRendersAgain() {
        RenderedPages pages = new RenderedPages();
        AtomicInteger renders = new AtomicInteger();
        String first = pages.get("tag-a", () -> "page a #" + renders.incrementAndGet());
        String again = pages.get("tag-a", () -> "page a #" + renders.incrementAndGet());
        String other = pages.get("tag-b", () -> "page b #" + renders.incrementAndGet());
        assertThat(first).isEqualTo("page a #1");
        assertThat(again).isEqualTo(first);
        assertThat(other).isEqualTo("page b #2");
        assertThat(renders).hasValue(2);
    }

    @Test
    void theLeastRecentlyServedGoFirstWhenTheCharactersRunOut() {
        RenderedPages pages = new RenderedPages();
        int size = (int) (RenderedPages.MAX_CHARS / 10);
        for (int i = 0; i < 10; i++) {
            String body = Character.toString('a' + i).repeat(size);
            pages.get("tag-" + i, () -> body);
        }
        pages.get("tag-0", () -> "rendered again"); // served: now the most recent
        pages.get("tag-10", () -> "k".repeat(size)); // over the bound: the eldest (tag-1) goes
        assertThat(pages.size()).isEqualTo(10);
        assertThat(pages.get("tag-0", () -> "rendered again")).startsWith("aaa");
        assertThat(pages.get("tag-1", () -> "rendered again")).isEqualTo("rendered again");
    }

    @Test
    void aHugePageIsServedButNotKept() {
        RenderedPages pages = new RenderedPages();
        String huge = "x".repeat((int) (RenderedPages.MAX_CHARS / 4));
        assertThat(pages.get("huge", () -> huge)).isSameAs(huge);
        assertThat(pages.size()).isZero();
    }
}
