package org.openicr.tools.region;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.openicr.tools.demo.DemoRegion;
import org.openicr.tools.directory.DirectoryAccounts;
import org.openicr.tools.region.Template.Holder;

/**
 * The region's partner organisations and source systems: the demo region's directory (its
 * organisations, demo users and sources, so the demo sign-ins work on the big database too), plus
 * the GP practices a region of a million people needs (about one per 10,000 people) and one source
 * system per partner: each practice's GP system, the acute trust's PAS, the community and mental
 * health trusts' records, the out-of-hours service and both councils' social care systems.
 */
public final class RegionDirectory {

    /** The password of every generated source system account (test data only). */
    public static final String SOURCE_PASSWORD = "Source-region-1";

    /** A GP practice: its ODS code, name, town (index into {@link Names#TOWNS}) and source system code. */
    public record Practice(String ods, String name, int town, String sourceCode) {}

    /** A partner source system that is not a GP practice. */
    record Partner(String ods, String sourceCode, String sourceName) {}

    static final Partner ACUTE = new Partner("RX901", "avonvale-pas", null);
    static final Partner COMMUNITY = new Partner("RX902", "severn-community-ehr", "Severn Community Health EHR");
    static final Partner MENTAL_HEALTH = new Partner("RX903", "avon-mh-epr", "Avon Partnership Mental Health EPR");
    static final Partner OUT_OF_HOURS = new Partner("Y90099", "wessex-ooh", "Wessex Out of Hours clinical system");
    static final Partner NORTH_COUNCIL = new Partner("LA901", "northavon-lcs", null);
    static final Partner SOUTH_COUNCIL = new Partner("LA902", "southavon-lcs", "South Avon social care system");
    /** Marks people whose NHS Number is outside the 999 test range (see {@link NhsNumbers}). */
    static final Partner SYNTHETIC = new Partner("ICB90", "region-synthetic", "Synthetic region generator (marker)");

    private static final String[] PRACTICE_KIND = {"Surgery", "Medical Centre", "Health Centre", "Medical Practice"};

    final List<Practice> practices;
    final List<List<Practice>> practicesByTown = new ArrayList<>();
    final Map<String, Long> organisationIds = new HashMap<>();
    final Map<String, Long> sourceIds = new HashMap<>();

    public RegionDirectory(int practiceCount) {
        this.practices = practices(practiceCount);
        for (int i = 0; i < Names.TOWNS.length; i++) {
            practicesByTown.add(new ArrayList<>());
        }
        practices.forEach(p -> practicesByTown.get(p.town()).add(p));
    }

    /** The practices, in a fixed order: the demo's two, then Y91003..., spread over the towns by size. */
    static List<Practice> practices(int count) {
        List<Practice> list = new ArrayList<>();
        list.add(new Practice("Y90001", "Riverside Medical Practice", 2, "riverside-gp"));
        list.add(new Practice("Y90002", "Hillview Surgery", 8, "hillview-gp"));
        SplittableRandom r = new SplittableRandom(7);
        int totalWeight = 0;
        for (int w : Names.TOWN_WEIGHT) {
            totalWeight += w;
        }
        int town = 0;
        int filled = 0;
        for (int i = list.size(); i < count; i++) {
            // Round-robin weighted: each town gets practices in proportion to its weight.
            while (filled >= Math.max(1, Names.TOWN_WEIGHT[town] * count / totalWeight)) {
                town = (town + 1) % Names.TOWNS.length;
                filled = 0;
            }
            filled++;
            String ods = String.format("Y91%03d", i + 1);
            String name = Names.STREET[r.nextInt(Names.STREET.length)] + " "
                    + PRACTICE_KIND[r.nextInt(PRACTICE_KIND.length)] + ", " + Names.TOWNS[town].name();
            list.add(new Practice(ods, name, town, "gp-" + ods.toLowerCase()));
        }
        return list;
    }

    /** The practice a person in this town registers with. */
    Practice practiceFor(int town, SplittableRandom r) {
        List<Practice> local = practicesByTown.get(town);
        if (local.isEmpty()) {
            return practices.get(r.nextInt(practices.size()));
        }
        return local.get(r.nextInt(local.size()));
    }

    /** Writes the directory (idempotent) and reads back the ids the loader needs. */
    public void seed(Connection c) throws SQLException {
        new DemoRegion().seedDirectory(c);
        DirectoryAccounts accounts = new DirectoryAccounts();
        for (Practice p : practices) {
            accounts.organisation(c, p.ods(), p.name(), "GP_PRACTICE", "SHARE_AND_VIEW");
        }
        for (Practice p : practices) {
            source(c, accounts, p.sourceCode(), p.name() + " GP system", p.ods());
        }
        for (Partner partner : List.of(COMMUNITY, MENTAL_HEALTH, OUT_OF_HOURS, SOUTH_COUNCIL, SYNTHETIC)) {
            source(c, accounts, partner.sourceCode(), partner.sourceName(), partner.ods());
        }
        try (PreparedStatement ps = c.prepareStatement("select id, ods_code from organisation");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                organisationIds.put(rs.getString(2), rs.getLong(1));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("select id, code from source_system");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                sourceIds.put(rs.getString(2), rs.getLong(1));
            }
        }
    }

    private static void source(Connection c, DirectoryAccounts accounts, String code, String name, String ods)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from source_system where code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        long account = accounts.account(c, "sys." + code, name, "SYSTEM", SOURCE_PASSWORD.toCharArray());
        try (PreparedStatement ps = c.prepareStatement("insert into source_system (code, name, organisation_id,"
                + " user_account_id) select ?, ?, id, ? from organisation where ods_code = ?"
                + " on conflict (code) do nothing")) {
            ps.setString(1, code);
            ps.setString(2, name);
            ps.setLong(3, account);
            ps.setString(4, ods);
            ps.executeUpdate();
        }
    }

    /** The source system code holding a person's item of this holder. */
    static String sourceCode(Holder holder, Practice practice, int council) {
        return switch (holder) {
            case GP -> practice.sourceCode();
            case ACUTE -> ACUTE.sourceCode();
            case COMMUNITY -> COMMUNITY.sourceCode();
            case MENTAL_HEALTH -> MENTAL_HEALTH.sourceCode();
            case OUT_OF_HOURS -> OUT_OF_HOURS.sourceCode();
            case COUNCIL -> council == 0 ? NORTH_COUNCIL.sourceCode() : SOUTH_COUNCIL.sourceCode();
        };
    }

    static String ods(Holder holder, Practice practice, int council) {
        return switch (holder) {
            case GP -> practice.ods();
            case ACUTE -> ACUTE.ods();
            case COMMUNITY -> COMMUNITY.ods();
            case MENTAL_HEALTH -> MENTAL_HEALTH.ods();
            case OUT_OF_HOURS -> OUT_OF_HOURS.ods();
            case COUNCIL -> council == 0 ? NORTH_COUNCIL.ods() : SOUTH_COUNCIL.ods();
        };
    }
}
