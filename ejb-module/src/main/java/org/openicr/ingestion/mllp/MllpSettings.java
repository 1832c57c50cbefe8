package org.openicr.ingestion.mllp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The MLLP listener's settings, from the server's environment (docs/interface-guide.md, "HL7 v2 over
 * MLLP"):
 *
 * <ul>
 *   <li>{@code OPENICR_MLLP_PORT}: the TCP port; the listener is off when it is unset or empty;
 *   <li>{@code OPENICR_MLLP_BIND}: the address it listens on, 127.0.0.1 unless set (an IP address);
 *   <li>{@code OPENICR_MLLP_SENDERS}: who may send, entries separated by {@code ;}, each
 *       {@code MSH-3^MSH-4=source-code@address,address}: the sending application and facility (their
 *       first components) as the sender writes them, the code of the registered source system they
 *       send as, and the client addresses (IP addresses, no names) it may connect from.
 * </ul>
 *
 * A setting that cannot be read stops the listener from starting with the reason (never a silent
 * partial table).
 */
public record MllpSettings(Integer port, InetAddress bindAddress, List<Sender> senders) {

    public static final String PORT = "OPENICR_MLLP_PORT";
    public static final String BIND = "OPENICR_MLLP_BIND";
    public static final String SENDERS = "OPENICR_MLLP_SENDERS";

    /** IPv4 dotted quad or an IPv6 literal: an address is never looked up by name. */
    private static final Pattern IP_LITERAL =
            Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /** One allowed sender: the MSH-3/MSH-4 it writes, the source it sends as, and where from. */
    public record Sender(
            String sendingApplication, String sendingFacility, String sourceCode, Set<InetAddress> addresses) {

        public boolean allows(InetAddress client) {
            return addresses.contains(client);
        }

        /** "PAS^RX901", as the refusals name a sender. */
        public String name() {
            return sendingApplication + "^" + sendingFacility;
        }
    }

    public MllpSettings {
        senders = List.copyOf(senders);
    }

    public static MllpSettings from(Function<String, String> environment) {
        String port = blankToNull(environment.apply(PORT));
        String bind = blankToNull(environment.apply(BIND));
        return new MllpSettings(
                port == null ? null : port(port),
                address(bind == null ? "127.0.0.1" : bind, BIND),
                senders(environment.apply(SENDERS)));
    }

    /** The sender that writes this MSH-3 and MSH-4 (first components, exact), if one is configured. */
    public Optional<Sender> sender(String sendingApplication, String sendingFacility) {
        return senders.stream()
                .filter(s -> s.sendingApplication().equals(sendingApplication)
                        && s.sendingFacility().equals(sendingFacility))
                .findFirst();
    }

    private static Integer port(String value) {
        try {
            int port = Integer.parseInt(value.strip());
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException(PORT + " must be a port from 1 to 65535, not " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PORT + " must be a port number, not " + value, e);
        }
    }

    static List<Sender> senders(String value) {
        List<Sender> senders = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return senders;
        }
        for (String entry : value.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            int at = entry.indexOf('@', Math.max(equals, 0));
            String who = equals < 0 ? "" : entry.substring(0, equals).strip();
            int caret = who.indexOf('^');
            if (equals < 0 || at < 0 || caret <= 0 || caret == who.length() - 1) {
                throw new IllegalArgumentException(
                        SENDERS + ": \"" + entry.strip() + "\" is not MSH-3^MSH-4=source-code@address[,address...]");
            }
            String code = entry.substring(equals + 1, at).strip();
            if (code.isEmpty()) {
                throw new IllegalArgumentException(SENDERS + ": \"" + entry.strip() + "\" names no source code");
            }
            Set<InetAddress> addresses = new LinkedHashSet<>();
            for (String address : entry.substring(at + 1).split(",")) {
                if (!address.isBlank()) {
                    addresses.add(address(address.strip(), SENDERS));
                }
            }
            if (addresses.isEmpty()) {
                throw new IllegalArgumentException(SENDERS + ": \"" + entry.strip() + "\" allows no address");
            }
            Sender sender = new Sender(who.substring(0, caret), who.substring(caret + 1), code, Set.copyOf(addresses));
            if (senders.stream()
                    .anyMatch(s -> s.sendingApplication().equals(sender.sendingApplication())
                            && s.sendingFacility().equals(sender.sendingFacility()))) {
                throw new IllegalArgumentException(SENDERS + ": " + sender.name() + " is given twice");
            }
            senders.add(sender);
        }
        return senders;
    }

    private static InetAddress address(String value, String setting) {
        if (!IP_LITERAL.matcher(value).matches()) {
            throw new IllegalArgumentException(setting + ": \"" + value + "\" is not an IP address");
        }
        try {
            return InetAddress.getByName(value); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(setting + ": \"" + value + "\" is not an IP address", e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
