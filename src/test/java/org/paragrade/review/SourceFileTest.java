package org.paragrade.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the code view shows of a file: its lines as text, or why not. */
class SourceFileTest {
    @Test
    void linesAreSplitOnAnyLineEndAndKeepTheirTextAsItIs() {
        SourceFile f = SourceFile.of("solution.py",
                "a = '<script>'\r\nb = 2\rc = 3\n\nlast".getBytes(StandardCharsets.UTF_8));
        assertThat(f.lines()).containsExactly("a = '<script>'", "b = 2", "c = 3", "", "last");
        assertThat(f.notShown()).isNull();
        assertThat(f.cut()).isNull();
        assertThat(f.python()).isTrue();
        assertThat(SourceFile.anchor("pkg/helpers.py", 12)).isEqualTo("pkg/helpers.py-L12");
    }

    @Test
    void binaryAndOversizedFilesAreNamedNotRendered() {
        SourceFile binary = SourceFile.of("data.bin", new byte[]{'a', 0, 'b'});
        assertThat(binary.lines()).isEmpty();
        assertThat(binary.notShown()).isEqualTo("Not shown: a binary file (3 bytes, not UTF-8 text). Download the "
                + "zip to inspect it.");
        SourceFile latin1 = SourceFile.of("notes.txt", new byte[]{'c', 'a', 'f', (byte) 0xe9});
        assertThat(latin1.notShown()).startsWith("Not shown: a binary file");

        SourceFile huge = SourceFile.of("big.py", "x = 1\n".repeat(50_000).getBytes(StandardCharsets.UTF_8));
        assertThat(huge.lines()).isEmpty();
        assertThat(huge.notShown()).isEqualTo("Not shown: at 293.0 KB it is over the 256 KB the code view renders. "
                + "Download the zip to read it.");
    }

    @Test
    void aLongFileShowsItsFirst2000LinesWithANote() {
        SourceFile f = SourceFile.of("long.py", "pass\n".repeat(2_500).getBytes(StandardCharsets.UTF_8));
        assertThat(f.lines()).hasSize(2_000);
        assertThat(f.cut()).isEqualTo("Only the first 2,000 of its 2,500 lines are shown. Download the zip to read "
                + "the rest.");
    }
}
