package org.openicr.directory.boundary;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The identity an OpenID provider's token gives (NHS CIS2's claims, or the demo realm's of the same
 * names): {@code nhsid_useruid}, the name, {@code authentication_assurance_level} and the role
 * profiles of {@code nhsid_nrbac_roles}. Pure: the web layer hands over the claims as the token's
 * JSON parsed into maps, lists and strings (docs/identity.md, section E).
 */
public final class NationalRbacClaims {

    /** The activity "temporary access to sealed data": the demo region lets such a profile break seals. */
    public static final String SEAL_BREAK_ACTIVITY = "B0083";

    private static final Pattern ID = Pattern.compile("[0-9A-Za-z-]{1,32}");
    private static final Pattern ROLE_CODE = Pattern.compile("[A-Z0-9]{1,10}");

    private NationalRbacClaims() {}

    /** One role profile of the token: a job role at an organisation, with its national id and activities. */
    public record TokenProfile(
            String personRoleId, String jobRoleCode, String orgCode, String roleName, List<String> activityCodes)
            implements Serializable {

        public TokenProfile {
            activityCodes = List.copyOf(activityCodes);
        }

        public boolean mayBreakSeal() {
            return activityCodes.contains(SEAL_BREAK_ACTIVITY);
        }
    }

    /**
     * The person the token names.
     *
     * @param useruid {@code nhsid_useruid}
     * @param preferredUsername the provider's username (the demo realm's; CIS2 sends none): used as the
     *     local username when it is free
     * @param displayName {@code name}
     * @param assuranceLevel {@code authentication_assurance_level}, 0 when absent or not a number
     * @param profiles the usable-looking entries of {@code nhsid_nrbac_roles}
     * @param malformed how many entries could not be read (shown as not usable)
     */
    public record TokenIdentity(
            String useruid,
            String preferredUsername,
            String displayName,
            int assuranceLevel,
            List<TokenProfile> profiles,
            int malformed)
            implements Serializable {

        public TokenIdentity {
            profiles = List.copyOf(profiles);
        }
    }

    /**
     * Reads the claims (ID token and userinfo merged by the caller). Empty without a usable
     * {@code nhsid_useruid}: such a token names nobody this system can key an account by.
     */
    public static Optional<TokenIdentity> read(Map<String, Object> claims) {
        String useruid = string(claims.get("nhsid_useruid"));
        if (useruid == null || !ID.matcher(useruid).matches()) {
            return Optional.empty();
        }
        List<TokenProfile> profiles = new ArrayList<>();
        int malformed = 0;
        if (claims.get("nhsid_nrbac_roles") instanceof List<?> roles) {
            for (Object role : roles) {
                Optional<TokenProfile> profile = role instanceof Map<?, ?> map ? profile(map) : Optional.empty();
                if (profile.isPresent()) {
                    profiles.add(profile.get());
                } else {
                    malformed++;
                }
            }
        }
        return Optional.of(new TokenIdentity(
                useruid,
                string(claims.get("preferred_username")),
                string(claims.get("name")),
                assuranceLevel(claims.get("authentication_assurance_level")),
                profiles,
                malformed));
    }

    /**
     * The job role code: the part of {@code role_code} after its last colon (live CIS2 sends the
     * whole path, {@code "S8000:G8000:R8000"}; the demo realm sends {@code "R8000"}).
     */
    public static Optional<String> jobRoleCode(String roleCode) {
        if (roleCode == null) {
            return Optional.empty();
        }
        String code = roleCode.substring(roleCode.lastIndexOf(':') + 1).strip();
        return ROLE_CODE.matcher(code).matches() ? Optional.of(code) : Optional.empty();
    }

    /** The level as a number: "3" or 3; 0 (below any minimum) when absent or unreadable. */
    public static int assuranceLevel(Object claim) {
        if (claim instanceof Number number) {
            return number.intValue();
        }
        String text = string(claim);
        if (text != null && text.strip().matches("[0-9]")) {
            return Integer.parseInt(text.strip());
        }
        return 0;
    }

    private static Optional<TokenProfile> profile(Map<?, ?> role) {
        String personRoleId = string(role.get("person_roleid"));
        String org = string(role.get("org_code"));
        Optional<String> job = jobRoleCode(string(role.get("role_code")));
        if (personRoleId == null
                || !ID.matcher(personRoleId).matches()
                || org == null
                || org.isBlank()
                || job.isEmpty()) {
            return Optional.empty();
        }
        List<String> activities = new ArrayList<>();
        if (role.get("activity_codes") instanceof List<?> codes) {
            for (Object code : codes) {
                String text = string(code);
                if (text != null) {
                    activities.add(text.strip());
                }
            }
        }
        String roleName = string(role.get("role_name"));
        if (roleName != null && roleName.contains(":")) {
            roleName = roleName.substring(roleName.lastIndexOf(':') + 1)
                    .replace("\"", "")
                    .strip();
        }
        return Optional.of(new TokenProfile(personRoleId, job.get(), org.strip(), roleName, activities));
    }

    private static String string(Object value) {
        return value instanceof String text ? text : null;
    }
}
