package org.openicr.ingestion.control.hl7;

import ca.uhn.hl7v2.model.Composite;
import ca.uhn.hl7v2.model.ExtraComponents;
import ca.uhn.hl7v2.model.Primitive;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.model.Varies;
import ca.uhn.hl7v2.model.v28.datatype.HD;
import ca.uhn.hl7v2.model.v28.datatype.PL;
import ca.uhn.hl7v2.model.v28.datatype.XCN;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openicr.vocabulary.ItemDetail;

/**
 * Reading values out of parsed HL7 v2 fields. Messages of every version are parsed into the v2.8
 * definitions, and a field whose data type changed between versions (IS became CWE, TS became DTM)
 * keeps its first component where the newer type expects it, so reading by component position works
 * for all of them. Blank values read as null.
 */
final class Values {

    private static final Pattern LINE_BREAKS = Pattern.compile("\\\\\\.(br|sp[+-]?\\d*)\\\\");
    private static final Pattern FORMATTING =
            Pattern.compile("\\\\(\\.(fi|nf|ce|in[+-]?\\d*|ti[+-]?\\d*|sk[+-]?\\d*)|H|N)\\\\");

    private Values() {}

    /** The value of a field: a primitive's text, or a composite's first component. */
    static String text(Type type) {
        return component(type, 0);
    }

    /** Component {@code index} (0-based) of a field, whatever data type the parser gave it. */
    static String component(Type type, int index) {
        if (type == null || index < 0) {
            return null;
        }
        if (type instanceof Varies varies) {
            return component(varies.getData(), index);
        }
        if (type instanceof Composite composite) {
            Type[] components = composite.getComponents();
            if (index < components.length) {
                return text(components[index]);
            }
            return extra(composite.getExtraComponents(), index - components.length);
        }
        if (type instanceof Primitive primitive) {
            return index == 0 ? clean(primitive.getValue()) : extra(primitive.getExtraComponents(), index - 1);
        }
        return null;
    }

    /**
     * Subcomponent {@code sub} of component {@code index} (both 0-based), e.g. the universal id of a
     * CX-4 assigning authority ({@code ^^^NHS&2.16.840.1.113883.2.1.4.1&ISO}) in a field that v2.8
     * no longer types (PID-2).
     */
    static String subcomponent(Type type, int index, int sub) {
        return component(componentType(type, index), sub);
    }

    private static Type componentType(Type type, int index) {
        if (type == null || index < 0) {
            return null;
        }
        if (type instanceof Varies varies) {
            return componentType(varies.getData(), index);
        }
        if (type instanceof Composite composite) {
            Type[] components = composite.getComponents();
            if (index < components.length) {
                return components[index];
            }
            return extraType(composite.getExtraComponents(), index - components.length);
        }
        if (type instanceof Primitive primitive) {
            return index == 0 ? primitive : extraType(primitive.getExtraComponents(), index - 1);
        }
        return null;
    }

    private static Type extraType(ExtraComponents extra, int index) {
        if (extra == null || index >= extra.numComponents()) {
            return null;
        }
        return extra.getComponent(index).getData();
    }

    /** Components the v2.8 type has no place for (e.g. a v2.5 CE parsed as an ST) are kept here. */
    private static String extra(ExtraComponents extra, int index) {
        if (extra == null || index >= extra.numComponents()) {
            return null;
        }
        return text(extra.getComponent(index).getData());
    }

    static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The first of the values that is present. */
    @SafeVarargs
    static <T> T firstOf(T... values) {
        return Arrays.stream(values).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** An assigning authority or facility: its namespace id, else its universal id (an OID). */
    static String hd(HD hd) {
        return hd == null ? null : firstOf(text(hd.getNamespaceID()), text(hd.getUniversalID()));
    }

    /** A clinician as people read it ("Dr Mohammed Alaz"); the id only when no name is given. */
    static String person(XCN xcn) {
        if (xcn == null) {
            return null;
        }
        String name = joined(
                " ",
                text(xcn.getPrefixEgDR()),
                text(xcn.getGivenName()),
                text(xcn.getSecondAndFurtherGivenNamesOrInitialsThereof()),
                text(xcn.getFamilyName()));
        return name != null && (text(xcn.getFamilyName()) != null || text(xcn.getGivenName()) != null)
                ? name
                : text(xcn.getPersonIdentifier());
    }

    /** The first clinician of a repeating field. */
    static String person(XCN[] xcns) {
        return Arrays.stream(xcns)
                .map(Values::person)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    /** A bed location (point of care, room, bed, facility), e.g. "Ward 7, Room 2, Bed 3, RX1". */
    static String location(PL pl) {
        if (pl == null) {
            return null;
        }
        return joined(
                ", ",
                hd(pl.getPointOfCare()),
                hd(pl.getRoom()),
                hd(pl.getBed()),
                hd(pl.getFacility()),
                text(pl.getLocationDescription()));
    }

    /** The present values joined, or null when none is present. */
    static String joined(String separator, String... values) {
        String result = Stream.of(values).filter(Objects::nonNull).collect(Collectors.joining(separator));
        return result.isEmpty() ? null : result;
    }

    /**
     * Text of a TX or FT value with its formatting commands applied: line breaks (\.br\, \.sp\)
     * become new lines, the rest (indents, highlighting) is dropped, since the record shows plain text.
     */
    static String formattedText(String value) {
        if (value == null) {
            return null;
        }
        String text = LINE_BREAKS.matcher(value).replaceAll("\n");
        return clean(FORMATTING.matcher(text).replaceAll(""));
    }

    /** Adds an item detail when it has a value; absent details are left out, not stored empty. */
    static void detail(Map<String, String> details, ItemDetail detail, String value) {
        if (value != null && !value.isBlank()) {
            details.put(detail.key(), value.strip());
        }
    }

    static boolean isYes(Type type) {
        return "Y".equalsIgnoreCase(text(type));
    }
}
