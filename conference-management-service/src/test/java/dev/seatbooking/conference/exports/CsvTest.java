package dev.seatbooking.conference.exports;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 4180 quoting and the OWASP formula-injection guard of the owner's CSV exports. */
class CsvTest {

    @Test
    void plain_cells_are_written_as_they_are_with_crlf_between_records() {
        assertThat(Csv.of(List.of("Name", "Seats"), List.of(List.of("Ada", 2), List.of("Grace", 1))))
                .isEqualTo("Name,Seats\r\nAda,2\r\nGrace,1\r\n");
    }

    @Test
    void a_cell_with_a_comma_a_quote_or_a_line_break_is_quoted_and_its_quotes_doubled() {
        assertThat(Csv.of(List.of("A", "B", "C"), List.of(List.of("Lovelace, Ada", "Ada \"the first\"", "two\nlines"))))
                .isEqualTo("A,B,C\r\n\"Lovelace, Ada\",\"Ada \"\"the first\"\"\",\"two\nlines\"\r\n");
    }

    @Test
    void a_cell_a_spreadsheet_would_read_as_a_formula_is_prefixed_with_an_apostrophe() {
        for (String formula : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
            assertThat(Csv.cell(formula)).as(formula).isEqualTo("'" + formula);
        }
        assertThat(Csv.of(List.of("Name"), List.of(List.of("=HYPERLINK(\"http://x\",\"a\")"))))
                .isEqualTo("Name\r\n\"'=HYPERLINK(\"\"http://x\"\",\"\"a\"\")\"\r\n");
        assertThat(Csv.cell("a=b")).isEqualTo("a=b");
        assertThat(Csv.cell("")).isEmpty();
    }

    @Test
    void a_missing_value_is_an_empty_cell_quoted_when_it_opens_the_record() {
        // Commons CSV quotes an empty first cell, so that a record is never an empty line.
        assertThat(Csv.of(List.of("A", "B"), List.of(Arrays.asList("x", null), Arrays.asList(null, "x"))))
                .isEqualTo("A,B\r\nx,\r\n\"\",x\r\n");
    }
}
