package org.openicr.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * A date typed as dd/mm/yyyy (one or two digits for day and month), read strictly: 31/02/1980 is
 * not quietly made 29/02/1980 (which would search for somebody else and answer "nobody matches"),
 * it is an error naming the field. Used on date pickers as {@code converter="ukDate"}.
 */
@FacesConverter("ukDate")
public class UkDateConverter implements Converter<Object> {

    private static final DateTimeFormatter TYPED =
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    /** A real date typed as d/m/yyyy, or empty: a day the month does not have, a 2-digit year, words. */
    public static Optional<LocalDate> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String typed = text.strip().replace('-', '/').replace('.', '/');
        if (!typed.matches("[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(typed, TYPED));
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    /** The sentence for a date that is not one: "Date of birth: enter a real date as dd/mm/yyyy...". */
    public static String message(String field) {
        String name = field == null || field.isBlank() ? "Date" : field.strip();
        return name + ": enter a real date as dd/mm/yyyy, for example 14/03/1941.";
    }

    @Override
    public Object getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return parse(value).orElseThrow(() -> {
            String text = message(label(component));
            return new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        });
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, Object value) {
        return value instanceof LocalDate date ? SHOWN.format(date) : value == null ? "" : value.toString();
    }

    private static String label(UIComponent component) {
        Object label = component == null ? null : component.getAttributes().get("label");
        if (label == null) {
            return null;
        }
        // "Date of birth (dd/mm/yyyy)": the field's name without its format hint.
        return label.toString().replaceAll("\\s*\\(.*\\)\\s*$", "");
    }
}
