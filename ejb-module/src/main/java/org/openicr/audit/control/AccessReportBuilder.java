package org.openicr.audit.control;

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
 * subject access report: each opening of the record by a user in a role at an organisation, with
 * the reason, the purpose-of-use codes and the categories that user then opened, until the same
 * user opened the record again.
 */
public final class AccessReportBuilder {

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

    /** One line of the report. */
    public record Line(
            Instant openedAt,
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
            String key = read.username() + "|" + read.roleCode() + "|" + read.organisationOds();
            Matcher category = CATEGORY.matcher(read.detail() == null ? "" : read.detail());
            Mutable line = open.get(key);
            if (!category.find() || line == null) {
                line = new Mutable(read);
                lines.add(line);
                open.put(key, line);
            }
            if (category.reset().find()) {
                line.categories.add(category.group(1));
            }
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

        Mutable(Read first) {
            this.first = first;
        }

        Line line() {
            return new Line(
                    first.at(),
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
