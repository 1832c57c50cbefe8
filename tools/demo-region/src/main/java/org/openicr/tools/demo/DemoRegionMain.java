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
        }
        List<DemoRegion.DemoPerson> people = DemoRegion.people();
        region.postPeople(URI.create(o.get("ws-url")), people);

        System.out.println();
        System.out.println("OpenICR demo region is loaded: " + people.size() + " people posted through SOAP.");
        System.out.println();
        System.out.println("  Open " + o.get("app-url") + " and sign in as:");
        System.out.printf("  %-14s %-18s %s%n", "username", "password", "role profile");
        for (DemoRegion.DemoUser u : DemoRegion.USERS) {
            System.out.printf("  %-14s %-18s %s at %s%n", u.username(), u.password(), u.rbacRole(), u.ods());
        }
        System.out.println();
        System.out.println("  Source systems (HTTP Basic on " + o.get("ws-url") + "):");
        for (DemoRegion.DemoSource s : DemoRegion.SOURCES) {
            System.out.printf("  %-20s %-22s %s%n", s.username(), s.password(), s.ods());
        }
        System.out.println();
        System.out.println("  Try NHS Numbers: " + people.get(0).nhsNumber() + " ("
                + people.get(0).family() + "), " + people.get(1).nhsNumber() + ", "
                + people.get(10).nhsNumber() + " (restricted)");
    }
}
