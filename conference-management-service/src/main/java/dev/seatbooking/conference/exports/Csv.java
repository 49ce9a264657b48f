package dev.seatbooking.conference.exports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A CSV document as RFC 4180 writes it (Apache Commons CSV: CRLF between records; a field holding a comma, a quote or a
 * line break is quoted, its quotes doubled), with the OWASP guard against formula injection: a cell a spreadsheet would
 * read as a formula — starting with {@code = + - @}, a tab or a carriage return — is prefixed with {@code '}, so it
 * shows as the text it is. Names and emails come from registrants: the owner must be able to open the file safely.
 * <p>
 * A spreadsheet set to the list separator {@code ;} (Excel wherever the decimal separator is a comma) starts a cell
 * after every {@code ;}, whatever the quotes written for {@code ,}: so a {@code ;} followed by what would start a
 * formula gets the {@code '} too ({@code Doe;=1+1} is written {@code Doe;'=1+1}).
 */
public final class Csv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180;
    /** A {@code ;} that a spreadsheet splitting at it would have start a formula (spaces and quotes in between). */
    private static final Pattern FORMULA_AFTER_SEMICOLON = Pattern.compile(";(?=[ \"]*[=+\\-@\t\r])");

    private Csv() {
    }

    /** The header line, then one line per row; a null cell is empty. */
    public static String of(List<String> header, List<List<?>> rows) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(header.stream().map(Csv::cell).toList());
            for (List<?> row : rows) {
                printer.printRecord(row.stream().map(Csv::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a StringBuilder does not fail", e);
        }
        return out.toString();
    }

    static String cell(Object value) {
        if (value == null) return "";
        String text = FORMULA_AFTER_SEMICOLON.matcher(value.toString()).replaceAll(";'");
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
