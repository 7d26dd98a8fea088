package org.iskra.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How limits tell clients apart: an IPv4 address each, an IPv6 /64 each. */
class ClientAddressTest {

    @Test
    void anIpv6ClientIsItsSlash64AndAnIpv4ClientItsAddress() {
        assertThat(ClientAddress.key("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.key("2001:db8:1:2::1")).isEqualTo(ClientAddress.key("2001:0db8:0001:0002:ffff::9"));
        assertThat(ClientAddress.key("2001:db8:1:3::1")).isNotEqualTo(ClientAddress.key("2001:db8:1:2::1"));
        assertThat(ClientAddress.key("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(ClientAddress.key("192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(ClientAddress.key("0:0:0:0:0:0:0:1")).isEqualTo("0:0:0:0::/64");
    }

    @Test
    void somethingThatIsNoAddressIsKeptAsItIsAndNeverLookedUp() {
        assertThat(ClientAddress.key("client.example.org")).isEqualTo("client.example.org");
        assertThat(ClientAddress.key("not:an:address:at:all:zz")).isEqualTo("not:an:address:at:all:zz");
        assertThat(ClientAddress.key(null)).isEmpty();
    }
}
