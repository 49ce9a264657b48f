package dev.seatbooking.conference.exports;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The formula-injection guard must hold however the owner's spreadsheet splits the file. Excel opens a {@code .csv}
 * with the system's list separator, which is {@code ;} wherever the decimal separator is a comma (German, French,
 * Dutch, Spanish, Italian ... Windows locales): it starts a cell after every {@code ;} of a line, whatever quotes were
 * written for {@code ,} (a line begins with the order id, never with a quote, so the quotes around a cell holding a
 * comma are plain characters to it). A registrant's name such as {@code Doe;=1+1} thus yields a cell {@code =1+1}.
 * Registration takes any single-line text of up to 100 characters as a first or last name.
 */
class CsvSemicolonFormulaTest {

    @Test
    void no_cell_starts_a_formula_where_the_list_separator_is_a_semicolon() {
        List<String> names = List.of("Doe;=1+1", "Ada;@SUM(1+1)*cmd|' /C calc'!A0;", "x;+1", "x;-1",
                "Doe;=SUM(1,2);"); // a comma: quoted for ',' — which a ';' spreadsheet does not see
        String csv = Csv.of(List.of("Order", "First name", "Last name"),
                names.stream().<List<?>>map(name -> List.of("2f8c1d1e-0000-4000-8000-000000000001", "Ada", name))
                        .toList());

        for (String line : csv.split("\r\n")) {
            for (String cell : line.split(";", -1)) {
                String text = cell.startsWith("\"") ? cell.substring(1) : cell;
                assertThat(text.isEmpty() ? ' ' : text.charAt(0))
                        .as("cell %s of the line %s, read with ';' between cells", cell, line)
                        .isNotIn('=', '+', '-', '@');
            }
        }
    }
}
