package lab.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Text from requests reaches the terminal without control characters; the lab's own colours stay. */
class ControlFreeWriterTest {

    @Test
    void a_warning_carrying_c0_and_c1_controls_prints_without_them() {
        StringWriter text = new StringWriter();
        TextReport report = new TextReport(new PrintWriter(text), new Terminal(true, true));
        report.warning("Origin: http://evil\u009b2J\u001b]0;pwned\u0007\u0085x\u007f\u001b[2Jend\u0000");

        String printed = text.toString();
        assertThat(printed.chars().filter(c -> c >= 0x80 && c <= 0x9f).count()).isZero();
        assertThat(printed).doesNotContain("\u0007", "\u0000", "\u007f", "\u001b]", "\u001b[2J");
        assertThat(printed).contains("\u001b[33mwarning: \u001b[0m", "Origin: http://evil2J0;pwnedxend");
    }

    @Test
    void new_lines_tabs_and_the_erase_line_code_pass() {
        StringWriter text = new StringWriter();
        PrintWriter out = ControlFreeWriter.around(new PrintWriter(text));
        out.print("a\tb\r\u001b[Kc\n");
        out.flush();
        assertThat(text.toString()).isEqualTo("a\tb\r\u001b[Kc\n");
    }
}
