package org.openicr.tools.load;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * One signed-in member of staff in a browser, without the browser: a cookie jar (the JSESSIONID of
 * the form sign-in), full-page GETs and the form posts the JSF pages make (the sign-in form, the
 * role chooser, the legitimate-reason form, and the Ajax searches of the search page, sent exactly
 * as PrimeFaces sends them). Measured requests never follow redirects: a redirect there (to the
 * reason page or to sign-in) is an error, not a slow answer.
 */
public final class WebSession {

    /** One HTTP answer; {@code location} is the redirect target or null. */
    public record Page(int status, String body, String location) {}

    private final URI app;
    private final HttpClient http;
    private final Duration timeout;
    private Html.Form search;
    private Html.Form byName;
    private String searchViewState;
    private String searchNonce;

    /** {@code app} is the application's root, e.g. http://127.0.0.1:37080/openicr/. */
    public WebSession(URI app, Duration timeout) {
        this.app = app.toString().endsWith("/") ? app : URI.create(app + "/");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .connectTimeout(timeout)
                .build();
    }

    public URI app() {
        return app;
    }

    public Page get(String relative) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(resolve(relative))
                .timeout(timeout)
                .header("Accept", "text/html")
                .GET()
                .build();
        return send(request);
    }

    public Page post(String action, Map<String, String> fields, boolean ajax) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(resolve(action))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields)));
        if (ajax) {
            b.header("Faces-Request", "partial/ajax").header("X-Requested-With", "XMLHttpRequest");
        }
        return send(b.build());
    }

    private Page send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Page(
                r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null));
    }

    /** Follows redirects (at most five) as a browser would after a form post; setup only. */
    public Page follow(Page page) throws IOException, InterruptedException {
        Page p = page;
        for (int i = 0; i < 5 && p.status() >= 300 && p.status() < 400 && p.location() != null; i++) {
            p = get(p.location());
        }
        return p;
    }

    URI resolve(String relative) {
        return app.resolve(relative);
    }

    static String encode(Map<String, String> fields) {
        StringJoiner body = new StringJoiner("&");
        fields.forEach((k, v) -> body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v == null ? "" : v, StandardCharsets.UTF_8)));
        return body.toString();
    }

    /**
     * Signs in through the login form and, when the home page offers several role profiles, chooses
     * the one whose label matches {@code profile} (or the first). Throws with a readable reason.
     */
    public void signIn(String username, String password, Pattern profile) throws IOException, InterruptedException {
        Page login = follow(get("login.xhtml"));
        Html.Form form = Html.form(login.body(), "login")
                .orElseThrow(() ->
                        new IllegalStateException("no sign-in form on login.xhtml (HTTP " + login.status() + ")"));
        Map<String, String> fields = new LinkedHashMap<>(form.fields());
        fields.put(field(form, "username"), username);
        fields.put(field(form, "password"), password);
        form.button("submit").ifPresent(b -> fields.put(b.name(), b.label()));
        Page home = follow(post(form.action(), fields, false));
        if (Html.form(home.body(), "login").isPresent()) {
            throw new IllegalStateException("sign-in as " + username + " failed (wrong password or locked account)");
        }
        Optional<Html.Form> chooser = Html.form(home.body(), "profiles");
        if (chooser.isPresent() && !chooser.get().buttons().isEmpty()) {
            Html.Form profiles = chooser.get();
            Html.Button choice = profiles.buttons().stream()
                    .filter(b -> profile == null || profile.matcher(b.label()).find())
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no role profile of " + username + " matches " + profile + "; offered: "
                                    + profiles.buttons().stream()
                                            .map(Html.Button::label)
                                            .toList()));
            Map<String, String> chosen = new LinkedHashMap<>(profiles.fields());
            chosen.put(choice.name(), choice.label());
            Page after = follow(post(profiles.action(), chosen, false));
            if (after.status() != 200) {
                throw new IllegalStateException("choosing the role profile answered HTTP " + after.status());
            }
        }
    }

    /**
     * Makes sure a legitimate reason (ongoing care) is on record for the person in this session's
     * role profile, through the reason page when the record page asks for it; answers the record page.
     */
    public Page declareReason(long personId, String nhsNumber) throws IOException, InterruptedException {
        String view = "record/view.xhtml?person=" + personId;
        Page page = follow(get(view));
        Optional<Html.Form> reason = Html.form(page.body(), "reason");
        if (reason.isPresent()) {
            Html.Form form = reason.get();
            Map<String, String> fields = new LinkedHashMap<>(form.fields());
            fields.put(field(form, "choice"), "ONGOING_CARE");
            fields.put(field(form, "justification"), "Performance benchmark (synthetic data)");
            form.button("open").ifPresent(b -> fields.put(b.name(), b.label()));
            page = follow(post(form.action(), fields, false));
        }
        if (!RecordPages.isRecord(page, nhsNumber)) {
            throw new IllegalStateException("after the reason the record page of person " + personId + " answered HTTP "
                    + page.status() + (Html.form(page.body(), "reason").isPresent() ? " (reason refused)" : ""));
        }
        return page;
    }

    /** Opens the search page once; the searches then post to this view, as a user's repeated searches do. */
    public void openSearch() throws IOException, InterruptedException {
        Page page = follow(get("record/search.xhtml"));
        search = Html.form(page.body(), "search")
                .orElseThrow(() -> new IllegalStateException(
                        "no search form on record/search.xhtml (HTTP " + page.status() + ")"));
        byName = Html.form(page.body(), "byName")
                .orElseThrow(() -> new IllegalStateException("no family name search form on record/search.xhtml"));
        searchViewState = Html.viewState(page.body())
                .orElseThrow(() -> new IllegalStateException("no view state on record/search.xhtml"));
        searchNonce = Html.cspNonce(page.body()).orElse(null);
    }

    /** The Ajax search by NHS Number (the "Search" button of the first form). */
    public Page searchByNhsNumber(String nhsNumber) throws IOException, InterruptedException {
        requireSearch();
        Map<String, String> fields = new LinkedHashMap<>(search.fields());
        fields.put(field(search, "nhsNumber"), nhsNumber);
        return ajax(search, "find", fields, "search");
    }

    /** The Ajax search by family name and date of birth ({@code dd/MM/yyyy}). */
    public Page searchByNameAndBirthDate(String familyName, String birthDate) throws IOException, InterruptedException {
        requireSearch();
        Map<String, String> fields = new LinkedHashMap<>(byName.fields());
        fields.put(field(byName, "familyName"), familyName);
        fields.put(field(byName, "dateOfBirth_input"), birthDate);
        return ajax(byName, "find", fields, "byName results");
    }

    private Page ajax(Html.Form form, String button, Map<String, String> fields, String render)
            throws IOException, InterruptedException {
        String source = form.id() + ":" + button;
        Map<String, String> body = new LinkedHashMap<>();
        body.put("jakarta.faces.partial.ajax", "true");
        body.put("jakarta.faces.source", source);
        body.put("jakarta.faces.partial.execute", "@all".equals(render) ? "@all" : source + " " + form.id());
        body.put("jakarta.faces.partial.render", render);
        body.put(source, source);
        body.putAll(fields);
        body.put(Html.VIEW_STATE, searchViewState);
        if (searchNonce != null) {
            body.put("primefaces.nonce", searchNonce);
        }
        Page answer = post(form.action(), body, true);
        Html.viewState(answer.body()).ifPresent(v -> searchViewState = v);
        Html.cspNonce(answer.body()).ifPresent(n -> searchNonce = n);
        return answer;
    }

    private void requireSearch() {
        if (search == null) {
            throw new IllegalStateException("openSearch() first");
        }
    }

    /** The full name of a form's field by its id's last part ({@code login:username} for "username"). */
    static String field(Html.Form form, String suffix) {
        return form.fields().keySet().stream()
                .filter(k -> k.equals(suffix) || k.endsWith(":" + suffix))
                .findFirst()
                .orElse(form.id() + ":" + suffix);
    }
}
