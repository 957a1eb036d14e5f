// The client of a request behind reverse proxies: X-Forwarded-For is believed only from the
// trusted proxies, and read from its right end, so a client cannot name itself another address.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "views/http/client_address.h"

namespace treaty::test {
namespace {

using http::ClientAddress;

const std::set<std::string> kProxies = {"10.0.0.1", "10.0.0.2"};

TEST(ClientAddressTest, AnUntrustedPeerIsTheClientWhateverItsHeaderSays) {
  EXPECT_EQ(ClientAddress("198.51.100.9", "203.0.113.5", kProxies), "198.51.100.9");
  EXPECT_EQ(ClientAddress("198.51.100.9", "", {}), "198.51.100.9");
}

TEST(ClientAddressTest, ATrustedProxyNamesTheClientItReceivedFrom) {
  EXPECT_EQ(ClientAddress("10.0.0.1", "203.0.113.5", kProxies), "203.0.113.5");
  // An address the client wrote itself comes before the one the proxy appended.
  EXPECT_EQ(ClientAddress("10.0.0.1", "192.0.2.66, 203.0.113.5", kProxies), "203.0.113.5");
  // Through two trusted proxies, each appending what it received from.
  EXPECT_EQ(ClientAddress("10.0.0.1", "192.0.2.66, 203.0.113.5,10.0.0.2", kProxies), "203.0.113.5");
  EXPECT_EQ(ClientAddress("10.0.0.1", " 2001:DB8::0:1 ", kProxies), "2001:db8::1");
}

TEST(ClientAddressTest, AHeaderThatNamesNoClientLeavesThePeer) {
  EXPECT_EQ(ClientAddress("10.0.0.1", "", kProxies), "10.0.0.1");
  EXPECT_EQ(ClientAddress("10.0.0.1", "10.0.0.2", kProxies), "10.0.0.1");
  EXPECT_EQ(ClientAddress("10.0.0.1", "203.0.113.5, unknown", kProxies), "10.0.0.1");
  EXPECT_EQ(ClientAddress("10.0.0.1", "203.0.113.5:4711", kProxies), "10.0.0.1");
}

TEST(ClientAddressTest, AddressesAreReadInTheirNormalForm) {
  EXPECT_EQ(http::NormalAddress("::ffff:127.0.0.1"), "127.0.0.1");
  EXPECT_EQ(http::NormalAddress("0:0:0:0:0:0:0:1"), "::1");
  EXPECT_FALSE(http::NormalAddress("localhost").has_value());
  EXPECT_FALSE(http::NormalAddress("").has_value());
}

TEST(ClientAddressTest, RangesAreReadInTheirNormalForm) {
  EXPECT_EQ(http::NormalAddressRange("10.1.2.3/8"), "10.0.0.0/8");
  EXPECT_EQ(http::NormalAddressRange("2001:DB8:0:0:1::/32"), "2001:db8::/32");
  EXPECT_EQ(http::NormalAddressRange("::ffff:10.0.0.0/104"), "10.0.0.0/8");
  EXPECT_EQ(http::NormalAddressRange("::ffff:127.0.0.1"), "127.0.0.1");
  for (const char* refused :
       {"10.0.0.0/33", "10.0.0.0/", "/8", "2001:db8::/129", "localhost/8", "10.0.0.0/8/8",
        "10.0.0.0/-1", "0.0.0.0/0", "::/0", "::ffff:0.0.0.0/96"}) {
    EXPECT_FALSE(http::NormalAddressRange(refused).has_value()) << refused;
  }
}

TEST(ClientAddressTest, AProxyInATrustedRangeNamesTheClient) {
  const std::set<std::string> ranges = {"10.0.0.0/8", "2001:db8:aa::/48"};
  EXPECT_EQ(ClientAddress("10.200.3.4", "203.0.113.5", ranges), "203.0.113.5");
  EXPECT_EQ(ClientAddress("2001:db8:aa:1::9", "203.0.113.5", ranges), "203.0.113.5");
  // Past every proxy of the ranges, however many.
  EXPECT_EQ(ClientAddress("10.0.0.1", "203.0.113.5, 10.9.9.9, 2001:db8:aa::7", ranges),
            "203.0.113.5");
  // Just outside a range, a peer is no proxy: its header is not believed.
  EXPECT_EQ(ClientAddress("11.0.0.1", "203.0.113.5", ranges), "11.0.0.1");
  EXPECT_EQ(ClientAddress("2001:db8:ab::1", "203.0.113.5", ranges), "2001:db8:ab::1");
  // An IPv4 range holds no IPv6 address, and the other way round.
  EXPECT_FALSE(http::AddressRanges({"10.0.0.0/8"}).Contains("::a00:1"));
  EXPECT_FALSE(http::AddressRanges({"2001:db8::/32"}).Contains("10.0.0.1"));
}

TEST(ClientAddressTest, AnIpv6ClientIsCountedByItsSlash64) {
  EXPECT_EQ(http::ClientBlock("2001:db8:1:2:aaaa::1"), "2001:db8:1:2::/64");
  EXPECT_EQ(http::ClientBlock("2001:db8:1:2:bbbb::2"), http::ClientBlock("2001:db8:1:2::9"));
  EXPECT_NE(http::ClientBlock("2001:db8:1:3::1"), http::ClientBlock("2001:db8:1:2::1"));
  EXPECT_EQ(http::ClientBlock("203.0.113.5"), "203.0.113.5");
  EXPECT_EQ(http::ClientBlock(""), "");
}

}  // namespace
}  // namespace treaty::test
