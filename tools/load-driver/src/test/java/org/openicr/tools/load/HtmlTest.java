package org.openicr.tools.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Against pages saved from the running application (demo data, synthetic people). */
class HtmlTest {

    static String page(String name) throws IOException {
        try (InputStream in = HtmlTest.class.getResourceAsStream("/pages/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theSignInFormHasItsFieldsButtonAndViewState() throws IOException {
        Html.Form form = Html.form(page("login.html"), "login").orElseThrow();
        assertEquals("/openicr/login.xhtml", form.action());
        assertEquals("login", form.fields().get("login"));
        assertTrue(form.fields().containsKey("login:username"));
        assertTrue(form.fields().containsKey("login:password"));
        assertEquals("8028428655932265145:7916896714305073524", form.fields().get(Html.VIEW_STATE));
        assertEquals(
                new Html.Button("login:submit", "Sign in"),
                form.button("submit").orElseThrow());
        assertEquals("login:username", WebSession.field(form, "username"));
        assertEquals(
                Html.viewState(page("login.html")), java.util.Optional.of("8028428655932265145:7916896714305073524"));
    }

    @Test
    void theRoleChooserOffersOneButtonPerProfile() throws IOException {
        Html.Form form = Html.form(page("home-chooser.html"), "profiles").orElseThrow();
        List<Html.Button> buttons = form.buttons();
        assertEquals(2, buttons.size());
        assertEquals("profiles:j_idt25:0:j_idt27", buttons.get(0).name());
        assertTrue(buttons.get(1).label().contains("(R8003)"));
        assertEquals("-8012239480138547655:-66190969009220764", form.fields().get(Html.VIEW_STATE));
    }

    @Test
    void theReasonFormKeepsTheHiddenPersonAndTheCheckedRadioOnly() throws IOException {
        Html.Form form = Html.form(page("reason.html"), "reason").orElseThrow();
        assertEquals("4", form.fields().get("reason:j_idt24"));
        assertEquals("ONGOING_CARE", form.fields().get("reason:choice"));
        assertEquals("", form.fields().get("reason:justification"));
        assertEquals("reason:choice", WebSession.field(form, "choice"));
        assertTrue(form.button("open").isPresent());
        assertTrue(form.fields().containsKey(Html.VIEW_STATE));
    }

    @Test
    void theViewStateOfAnAjaxAnswerComesFromItsUpdate() throws IOException {
        assertEquals(
                "8821932786990766868:-8841723319344841604",
                Html.viewState(page("search-nhs-partial.xml")).orElseThrow());
    }

    @Test
    void aMissingFormIsEmpty() throws IOException {
        assertTrue(Html.form(page("login.html"), "search").isEmpty());
        assertTrue(Html.viewState("<html><body>no form</body></html>").isEmpty());
    }

    @Test
    void attributesInAnyOrderQuotesAndEntities() {
        Map<String, String> a = Html.attributes(" value='a &amp; b' NAME=\"x:y\" checked disabled=\"disabled\"");
        assertEquals("a & b", a.get("value"));
        assertEquals("x:y", a.get("name"));
        assertTrue(a.containsKey("checked"));
        assertEquals("disabled", a.get("disabled"));
        Html.Form form = Html.form(
                        "<form action=\"/a?x=1&amp;y=2\" id=\"f\"><input name=\"t\" value=\"&#233;&#x41;&lt;\">"
                                + "<input type=\"checkbox\" name=\"c\"><input name=\"d\" disabled value=\"1\">"
                                + "<input type=\"radio\" name=\"r\" value=\"A\"><input type=\"radio\" name=\"r\" value=\"B\" checked>"
                                + "</form>",
                        "f")
                .orElseThrow();
        assertEquals("/a?x=1&y=2", form.action());
        assertEquals(Map.of("t", "éA<", "r", "B"), form.fields());
    }

    @Test
    void nhsNumbersAreShownThreeThreeFour() {
        assertEquals("999 000 0018", Html.nhsNumber334("9990000018"));
        assertEquals("999 000 0018", Html.nhsNumber334("999 000 0018"));
        assertThrows(IllegalArgumentException.class, () -> Html.nhsNumber334("12345"));
    }

    @Test
    void textOfAFragment() {
        assertEquals("Sign in", Html.text("<span class=\"x\">Sign</span>\n   <b>in</b>"));
    }

    @Test
    void recordPagesAreRecognisedByTheNhsNumberNotTheLayout() throws IOException {
        WebSession.Page record = new WebSession.Page(200, page("record.html"), null);
        assertTrue(RecordPages.isRecord(record, "9990000018"));
        assertFalse(RecordPages.isRecord(record, "9990000026"), "another person's number");
        assertFalse(RecordPages.isRecord(
                new WebSession.Page(302, "", "/openicr/record/reason.xhtml?person=1"), "9990000018"));
        assertFalse(
                RecordPages.isRecord(
                        new WebSession.Page(200, page("reason.html") + "999 000 0018", null), "9990000018"),
                "the reason page is not the record");
        assertTrue(
                RecordPages.isSearchHit(new WebSession.Page(200, page("search-nhs-partial.xml"), null), "9990000018"));
        List<String> categories = RecordPages.categoryLinks(page("record.html"));
        assertTrue(categories.contains("MEDICATIONS"), categories.toString());
        assertFalse(categories.isEmpty());
        assertEquals(
                List.of("RESULTS", "SOCIAL_CARE"),
                RecordPages.categoryLinks(
                        "<a href=\"v.xhtml?person=1&amp;category=RESULTS\"></a><a href=\"?category=SOCIAL_CARE\">"));
    }

    @Test
    void formPostsAreUrlEncoded() {
        assertEquals(
                "a%3Ab=x+y&jakarta.faces.ViewState=1%3A-2&e=",
                WebSession.encode(new java.util.LinkedHashMap<>(Map.of("a:b", "x y")) {
                    {
                        put(Html.VIEW_STATE, "1:-2");
                        put("e", null);
                    }
                }));
    }
}
