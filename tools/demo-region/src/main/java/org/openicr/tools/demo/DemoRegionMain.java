package org.openicr.tools.demo;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the demo region into a running OpenICR and prints the demo sign-ins. Arguments:
 * {@code --db-url --db-user --db-password --ws-url --app-url}.
 */
public final class DemoRegionMain {

    private DemoRegionMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        DemoRegion region = new DemoRegion();
        try (Connection c = DriverManager.getConnection(o.get("db-url"), o.get("db-user"), o.get("db-password"))) {
            region.seedDirectory(c);
            java.net.URI app = URI.create(o.get("app-url"));
            DemoRegion.registerDemoEpr(c, app.getScheme() + "://" + app.getAuthority());
        }
        List<DemoRegion.DemoPerson> people = DemoRegion.people();
        region.postDemoRegion(URI.create(o.get("ws-url")), people);

        System.out.println();
        System.out.println("OpenICR demo region is loaded: " + people.size() + " people posted through SOAP, each with"
                + " their own record.");
        System.out.println("  Try these NHS Numbers:");
        for (String[] tip : new String[][] {
            {"PENDLETON", "end of life: ReSPECT form (do not attempt CPR), frailty, his wife as carer; the full record"
            },
            {"MORGAN", "a child: asthma, peanut anaphylaxis"},
            {"LLEWELLYN", "reasonable adjustments: British Sign Language interpreter"},
            {"RAHMAN", "learning disability and type 1 diabetes; his mother as carer"},
            {"PATEL", "merged from a duplicate hospital registration (admin: Merges, undo)"},
            {"WINTERS", "restricted record (address hidden); safeguarding"},
        }) {
            people.stream()
                    .filter(p -> p.family().equals(tip[0]))
                    .findFirst()
                    .ifPresent(p -> System.out.printf(
                            "  %s  %s %s: %s%n", spaced(p.nhsNumber()), p.given(), p.family(), tip[1]));
        }
        System.out.println("  The hospice's end of life plan for PENDLETON was refused (the hospice only views):"
                + " admin, Messages, replay.");
        System.out.println();
        System.out.println("  Source systems (HTTP Basic on " + o.get("ws-url") + "):");
        for (DemoRegion.DemoSource s : DemoRegion.SOURCES) {
            System.out.printf("  %-20s %-22s %s%n", s.username(), s.password(), s.ods());
        }
        System.out.println();
        URI app = URI.create(o.get("app-url"));
        System.out.println("  Launch in context: the demo EPR at " + app.resolve("/demo-epr/")
                + " (sign in as below, enter an NHS Number, \"Shared record\").");
        System.out.println();
        System.out.println("  Open " + o.get("app-url") + " and sign in as:");
        System.out.printf("  %-14s %-18s %s%n", "username", "password", "role profile");
        for (DemoRegion.DemoUser u : DemoRegion.USERS) {
            System.out.printf("  %-14s %-18s %s at %s%n", u.username(), u.password(), u.rbacRole(), u.ods());
        }
    }

    /** 999 000 0018: an NHS Number as people read it. */
    private static String spaced(String nhsNumber) {
        return nhsNumber.substring(0, 3) + " " + nhsNumber.substring(3, 6) + " " + nhsNumber.substring(6);
    }
}
