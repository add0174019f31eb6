package lab.runner.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CaseNumbersTest {

    @Test
    void single_numbers_lists_and_ranges_count_from_one() {
        assertThat(CaseNumbers.parse("2", 16)).containsExactly(1);
        assertThat(CaseNumbers.parse("3, 1", 16)).containsExactly(0, 2);
        assertThat(CaseNumbers.parse("2-4,3,16", 16)).containsExactly(1, 2, 3, 15);
    }

    @Test
    void a_number_out_of_range_or_not_a_number_is_named() {
        assertThatThrownBy(() -> CaseNumbers.parse("17", 16))
                .hasMessage("there is no case 17; this scenario has cases 1 to 16");
        assertThatThrownBy(() -> CaseNumbers.parse("0", 16)).hasMessageContaining("no case 0");
        assertThatThrownBy(() -> CaseNumbers.parse("two", 16)).hasMessage("'two' is not a case number (1 to 16)");
        assertThatThrownBy(() -> CaseNumbers.parse("5-2", 16)).hasMessageContaining("runs backwards");
        assertThatThrownBy(() -> CaseNumbers.parse(" , ", 16)).hasMessageContaining("no case number given");
    }
}
