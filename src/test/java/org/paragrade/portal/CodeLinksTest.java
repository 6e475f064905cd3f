package org.paragrade.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Frames in the student's files link to their line of the code view; everything stays escaped text. */
class CodeLinksTest {
    @Test
    void aTracebackFromTheSandboxLinksEachFrameOfTheStudentsFiles() {
        String tb = """
                Traceback (most recent call last):
                  File "/solution/solution.py", line 7, in count_primes
                    return sum(pool.map(chunk, parts))
                  File "/usr/lib/python3.11/multiprocessing/pool.py", line 367, in map
                  File "/solution/pkg/helpers.py", line 12, in chunk
                ZeroDivisionError: division by zero""";
        String html = CodeLinks.html(tb, 42);
        assertThat(html).contains("<a class=\"code-link\" href=\"/submissions/42/code#solution.py-L7\">File "
                        + "&quot;/solution/solution.py&quot;, line 7, in count_primes</a>\n")
                .contains("href=\"/submissions/42/code#pkg/helpers.py-L12\"")
                .contains("File &quot;/usr/lib/python3.11/multiprocessing/pool.py&quot;, line 367, in map")
                .doesNotContain("code#usr");
        assertThat(html.split("<a ", -1)).hasSize(3);
    }

    @Test
    void faulthandlerDumpsWithRelativeNamesLinkTooAndHarnessFramesDoNot() {
        String stacks = """
                Thread 0x00007f (most recent call first):
                  File "solution.py", line 3 in transfer
                  File "/harness/child.py", line 140 in run_case""";
        String html = CodeLinks.html(stacks, 5);
        assertThat(html).contains("<a class=\"code-link\" href=\"/submissions/5/code#solution.py-L3\">File &quot;"
                + "solution.py&quot;, line 3 in transfer</a>\n").doesNotContain("code#harness")
                .doesNotContain("/submissions/5/code#/harness");
    }

    @Test
    void whatTheStudentPrintedStaysText() {
        String evil = "File \"<script>alert(1)</script>\", line 1\n<img src=x onerror=alert(2)> & 'quotes'";
        String html = CodeLinks.html(evil, 1);
        assertThat(html).doesNotContain("<script", "<img", "<a ")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(2)&gt; &amp; &#39;quotes&#39;");
        // a made-up path that escapes the files is no link either
        assertThat(CodeLinks.html("File \"/solution/../etc/passwd\", line 1", 1)).doesNotContain("<a ");
    }

    @Test
    void aFlagsFileAndLineLinkToThatLine() {
        assertThat(CodeLinks.where("solution.py:14", 9)).isEqualTo("<a class=\"code-link\" href=\"/submissions/9/code"
                + "#solution.py-L14\"><code>solution.py:14</code></a>");
        assertThat(CodeLinks.where("helpers.py", 9)).contains("href=\"/submissions/9/code#file-helpers.py\"");
        assertThat(CodeLinks.where("<b>x</b>:3", 9)).isEqualTo("<code>&lt;b&gt;x&lt;/b&gt;:3</code>");
    }
}
