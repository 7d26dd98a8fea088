package org.iskra.site;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who a request comes from, for limits that count per client (login throttling, searches): the client's address
 * as Tomcat sees it (behind a proxy, the forwarded one when {@code ISKRA_FORWARDED_HEADERS=native}), an IPv6
 * address cut to its /64, since one household or phone is handed a whole /64 and could otherwise take a fresh
 * address for every request. One place, so that every limit counts clients the same way.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        return key(request.getRemoteAddr());
    }

    static String key(String address) {
        if (address == null || address.indexOf(':') < 0 || !address.chars().allMatch(ClientAddress::literal)) {
            return address == null ? "" : address;
        }
        try {
            // a string with a colon and only these characters is parsed as an IPv6 literal, never looked up
            InetAddress parsed = InetAddress.getByName(address);
            if (parsed instanceof Inet4Address) {
                return parsed.getHostAddress();
            }
            byte[] bytes = parsed.getAddress();
            return String.format("%x:%x:%x:%x::/64", (bytes[0] & 0xff) << 8 | bytes[1] & 0xff,
                    (bytes[2] & 0xff) << 8 | bytes[3] & 0xff, (bytes[4] & 0xff) << 8 | bytes[5] & 0xff,
                    (bytes[6] & 0xff) << 8 | bytes[7] & 0xff);
        } catch (UnknownHostException e) {
            return address;
        }
    }

    private static boolean literal(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.'
                || c == '[' || c == ']';
    }
}
