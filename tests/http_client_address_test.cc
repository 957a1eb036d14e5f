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

}  // namespace
}  // namespace treaty::test
