package org.openicr.web.security;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who sent a request, for the sign-in throttle: the connection's address, unless that is one of
 * the trusted proxies named in {@code OPENICR_TRUSTED_PROXIES} (comma-separated addresses, none by
 * default); then the {@code X-Forwarded-For} entry its proxies added last that is not itself a
 * trusted proxy. Anyone else's {@code X-Forwarded-For} is ignored, so a caller cannot choose the
 * address it is counted under.
 */
public final class ClientAddress {

    public static final String TRUSTED_PROXIES = "OPENICR_TRUSTED_PROXIES";

    private ClientAddress() {}

    /** The trusted proxies from a setting's text. */
    public static Set<String> trusted(String setting) {
        if (setting == null || setting.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(setting.split(","))
                .map(String::strip)
                .filter(a -> !a.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    public static String of(String remoteAddress, String forwardedFor, Set<String> trustedProxies) {
        String address = remoteAddress == null ? "unknown" : remoteAddress;
        if (!trustedProxies.contains(address) || forwardedFor == null || forwardedFor.isBlank()) {
            return address;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (hop.isEmpty() || hop.length() > 64) {
                return address;
            }
            if (!trustedProxies.contains(hop)) {
                return hop;
            }
            address = hop;
        }
        return address;
    }
}
