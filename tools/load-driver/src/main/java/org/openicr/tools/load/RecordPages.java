package org.openicr.tools.load;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a benchmark accepts as a good answer, kept to stable markers so that a redesign of the
 * record page (a summary first, other layouts) does not break it: HTTP 200, the person's NHS Number
 * as the banner shows it (3-3-4), and no reason or sign-in form in its place.
 */
public final class RecordPages {

    private static final Pattern CATEGORY_LINK = Pattern.compile("[?&](?:amp;)?category=([A-Z][A-Z_]*)");

    private RecordPages() {}

    /** The record page (or a category view) of this person. */
    public static boolean isRecord(WebSession.Page page, String nhsNumber) {
        return page.status() == 200
                && page.body().contains(Html.nhsNumber334(nhsNumber))
                && Html.form(page.body(), "reason").isEmpty()
                && Html.form(page.body(), "login").isEmpty();
    }

    /** A search answer (an Ajax partial response or a page) that shows this person. */
    public static boolean isSearchHit(WebSession.Page page, String nhsNumber) {
        return page.status() == 200 && page.body().contains(Html.nhsNumber334(nhsNumber));
    }

    /** The categories the page links to ({@code ...&category=MEDICATIONS}), in page order: those the role may open. */
    public static List<String> categoryLinks(String html) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = CATEGORY_LINK.matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        return List.copyOf(found);
    }
}
