package org.openicr.audit.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openicr.vocabulary.LegitimateReason;

/**
 * Turns one person's successful record reads (audit events in time order) into the lines of a
 * subject access report, one line per <em>sitting</em>: the reads of the record by the same user,
 * in the same role profile (role and organisation), for the same declared reason, each less than
 * {@link #GAP} (30 minutes) after the one before it. A sitting lists when it started and ended,
 * how many pages were viewed and which categories of the record were opened. Reads by someone else
 * in between do not end a sitting; a longer pause, another reason or another role profile does.
 */
public final class AccessReportBuilder {

    /** A pause this long or longer between two reads starts a new sitting. */
    public static final Duration GAP = Duration.ofMinutes(30);

    /** A read as the audit trail holds it, with the names of the user, role and organisation. */
    public record Read(
            Instant at,
            String username,
            String displayName,
            String roleCode,
            String roleName,
            String organisationOds,
            String organisationName,
            String purposeOfUse,
            String detail) {}

    /** One line of the report: one sitting. */
    public record Line(
            Instant openedAt,
            Instant lastReadAt,
            int pageViews,
            String who,
            String role,
            String organisation,
            String reason,
            String purposeOfUse,
            List<String> categories) {}

    private static final Pattern CATEGORY = Pattern.compile("^(?:category|current) ([A-Z_]+):");
    private static final Pattern REASON = Pattern.compile("; reason ([A-Z_]+)$");

    private AccessReportBuilder() {}

    public static List<Line> lines(List<Read> reads) {
        List<Mutable> lines = new ArrayList<>();
        Map<String, Mutable> open = new HashMap<>();
        for (Read read : reads) {
            String key = read.username() + "|" + read.roleCode() + "|" + read.organisationOds() + "|"
                    + reason(read.detail());
            Mutable line = open.get(key);
            if (line == null || Duration.between(line.last, read.at()).compareTo(GAP) >= 0) {
                line = new Mutable(read);
                lines.add(line);
                open.put(key, line);
            }
            line.add(read);
        }
        return lines.stream().map(Mutable::line).toList();
    }

    /** The label of the reason a read's detail names (the reads store it as "; reason NAME"). */
    static String reason(String detail) {
        Matcher m = REASON.matcher(detail == null ? "" : detail);
        if (!m.find()) {
            return "Not recorded";
        }
        try {
            return LegitimateReason.valueOf(m.group(1)).label();
        } catch (IllegalArgumentException unknown) {
            return m.group(1);
        }
    }

    private static final class Mutable {
        final Read first;
        final TreeSet<String> categories = new TreeSet<>();
        Instant last;
        int pageViews;

        Mutable(Read first) {
            this.first = first;
            this.last = first.at();
        }

        void add(Read read) {
            last = read.at();
            pageViews++;
            Matcher category = CATEGORY.matcher(read.detail() == null ? "" : read.detail());
            if (category.find()) {
                categories.add(category.group(1));
            }
        }

        Line line() {
            return new Line(
                    first.at(),
                    last,
                    pageViews,
                    first.displayName() == null
                            ? first.username()
                            : first.displayName() + " (" + first.username() + ")",
                    first.roleName() == null ? first.roleCode() : first.roleName() + " (" + first.roleCode() + ")",
                    first.organisationName() == null
                            ? first.organisationOds()
                            : first.organisationName() + " (" + first.organisationOds() + ")",
                    reason(first.detail()),
                    first.purposeOfUse(),
                    List.copyOf(categories));
        }
    }
}
