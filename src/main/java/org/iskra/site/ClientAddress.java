package org.iskra.site;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address a request came from, as limits count it. An IPv4 address counts as itself; an IPv6 client is counted
 * by its /64, because one home or phone network hands its devices a whole /64 and a client that changes the last
 * 64 bits must not get a fresh allowance with each.
 */
public final class ClientAddress {

    /** An address literal, never a host name: nothing here may cause a DNS lookup. */
    private static final java.util.regex.Pattern LITERAL = java.util.regex.Pattern.compile("\\[?[0-9a-fA-F:.]+(%[0-9a-zA-Z]+)?]?");

    private ClientAddress() {
    }

    /** The key of this request's client for rate limits and login throttling. */
    public static String key(HttpServletRequest request) {
        return key(request.getRemoteAddr());
    }

    public static String key(String address) {
        if (address == null || address.indexOf(':') < 0 || !LITERAL.matcher(address).matches()) {
            return address == null ? "" : address;
        }
        try {
            // a literal address: no lookup happens
            byte[] bytes = InetAddress.getByName(address.startsWith("[") ? address.substring(1, address.length() - 1) : address)
                    .getAddress();
            if (bytes.length != 16) {
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            byte[] prefix = Arrays.copyOf(Arrays.copyOf(bytes, 8), 16);
            return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return address;
        }
    }

    /**
     * Whether the address is one a reverse proxy on the same network would have: loopback, private (10/8,
     * 172.16/12, 192.168/16, fc00::/7), link-local. Requests that all come from one such address carrying forwarded
     * headers mean Iskra sees its proxy instead of its readers.
     */
    public static boolean isPrivate(String address) {
        if (address == null || !LITERAL.matcher(address).matches()) {
            return false;
        }
        try {
            InetAddress inet = InetAddress.getByName(address.startsWith("[") ? address.substring(1, address.length() - 1) : address);
            if (inet.isLoopbackAddress() || inet.isSiteLocalAddress() || inet.isLinkLocalAddress()) {
                return true;
            }
            byte[] bytes = inet.getAddress();
            return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
