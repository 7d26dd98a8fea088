package org.iskra.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Clients as the limits count them: IPv4 by address, IPv6 by /64; and which addresses a proxy of ours would have. */
class ClientAddressTest {

    @Test
    void anIpv6ClientIsCountedByItsSlash64() {
        assertThat(ClientAddress.key("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(ClientAddress.key("2001:db8:1:2::1")).isEqualTo(ClientAddress.key("2001:db8:1:2:ffff::9"));
        assertThat(ClientAddress.key("2001:db8:1:3::1")).isNotEqualTo(ClientAddress.key("2001:db8:1:2::1"));
        assertThat(ClientAddress.key("[2001:db8:1:2::1]")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
    }

    @Test
    void anIpv4ClientIsCountedByItsAddress() {
        assertThat(ClientAddress.key("192.0.2.10")).isEqualTo("192.0.2.10");
        assertThat(ClientAddress.key("::ffff:192.0.2.10")).isEqualTo("192.0.2.10");
    }

    @Test
    void namesAreNeverLookedUp() {
        assertThat(ClientAddress.key("example.org")).isEqualTo("example.org");
        assertThat(ClientAddress.isPrivate("localhost")).isFalse();
        assertThat(ClientAddress.key("not:an:address:at:all:zz")).isEqualTo("not:an:address:at:all:zz");
        assertThat(ClientAddress.key((String) null)).isEmpty();
    }

    @Test
    void privateAddressesAreThoseAProxyOnTheSameNetworkHas() {
        for (String address : new String[] {"10.1.2.3", "172.16.0.1", "192.168.1.1", "127.0.0.1", "::1", "fd00::1", "fe80::1"}) {
            assertThat(ClientAddress.isPrivate(address)).as(address).isTrue();
        }
        for (String address : new String[] {"192.0.2.1", "8.8.8.8", "2001:db8::1"}) {
            assertThat(ClientAddress.isPrivate(address)).as(address).isFalse();
        }
    }
}
